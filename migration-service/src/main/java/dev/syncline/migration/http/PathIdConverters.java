package dev.syncline.migration.http;

import dev.syncline.commons.problem.InvalidParameterException;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import org.jboss.resteasy.reactive.RestPath;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Reads a numeric path id ({@code /api/migrations/{id}}) so that digits too many for a whole
 * number are a 400 naming the parameter, as for query parameters, and not the framework's 404
 * "nothing at this path" for a path that does exist.
 */
@Provider
public class PathIdConverters implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = nameOf(annotations);
        if (name == null || !(rawType == Long.class || rawType == long.class)) {
            return null;
        }
        return (ParamConverter<T>) new ParamConverter<Long>() {
            @Override
            public Long fromString(String value) {
                if (value == null) {
                    return null;
                }
                try {
                    return Long.valueOf(value);
                } catch (NumberFormatException e) {
                    String shown = value.length() > 40 ? value.substring(0, 40) + "…" : value;
                    throw new InvalidParameterException(name, "Path parameter '" + name + "' must be a whole number of at most "
                            + String.valueOf(Long.MAX_VALUE).length() + " digits (up to " + Long.MAX_VALUE + "), was '" + shown + "'");
                }
            }

            @Override
            public String toString(Long value) {
                return String.valueOf(value);
            }
        };
    }

    /** A path parameter's name; {@code @RestPath} without a value takes the Java parameter's name, which is "id" here. */
    private static String nameOf(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof PathParam path) {
                return path.value();
            }
            if (annotation instanceof RestPath path) {
                return path.value().isEmpty() ? "id" : path.value();
            }
        }
        return null;
    }
}
