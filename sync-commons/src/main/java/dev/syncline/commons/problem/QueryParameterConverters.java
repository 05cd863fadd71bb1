package dev.syncline.commons.problem;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import org.jboss.resteasy.reactive.RestQuery;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.function.Function;

/**
 * Reads numeric and boolean query parameters so that a bad value is a 400 naming the parameter
 * ({@code limit=abc}: "Query parameter 'limit' must be a whole number"), where the JAX-RS default
 * would answer 404 as if the path did not exist.
 */
@Provider
public class QueryParameterConverters implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = nameOf(annotations);
        if (name == null) {
            return null;
        }
        if (rawType == Integer.class || rawType == int.class) {
            return (ParamConverter<T>) converter(name, "a whole number", Integer::valueOf);
        }
        if (rawType == Long.class || rawType == long.class) {
            return (ParamConverter<T>) converter(name, "a whole number", Long::valueOf);
        }
        if (rawType == Boolean.class || rawType == boolean.class) {
            return (ParamConverter<T>) converter(name, "true or false", QueryParameterConverters::strictBoolean);
        }
        return null;
    }

    private static Boolean strictBoolean(String value) {
        return switch (value) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException(value);
        };
    }

    private static <V> ParamConverter<V> converter(String name, String expected, Function<String, V> parse) {
        return new ParamConverter<>() {
            @Override
            public V fromString(String value) {
                if (value == null) {
                    return null;
                }
                try {
                    return parse.apply(value.trim());
                } catch (IllegalArgumentException e) {
                    String shown = value.length() > 40 ? value.substring(0, 40) + "…" : value;
                    throw new InvalidParameterException(name, "Parameter '" + name + "' must be " + expected
                            + (expected.startsWith("a whole") ? " within range" : "") + ", was '" + shown + "'");
                }
            }

            @Override
            public String toString(V value) {
                return String.valueOf(value);
            }
        };
    }

    private static String nameOf(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam query) {
                return query.value();
            }
            if (annotation instanceof RestQuery query && !query.value().isEmpty()) {
                return query.value();
            }
        }
        return null;
    }
}
