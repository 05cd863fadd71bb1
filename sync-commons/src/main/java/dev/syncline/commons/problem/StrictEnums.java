package dev.syncline.commons.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import java.io.IOException;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Request enums take exactly their names. Jackson also takes an ordinal ({@code 2}) and its digits
 * as a string ({@code "1"}), so a typo in a cron body could start another job than the one meant.
 */
final class StrictEnums extends BeanDeserializerModifier {

    @Override
    public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type, BeanDescription description,
                                                      JsonDeserializer<?> deserializer) {
        return new NamesOnly(type.getRawClass(), deserializer);
    }

    private static final class NamesOnly extends StdDeserializer<Object> {

        private final JsonDeserializer<?> names;
        private final Set<String> constants;

        NamesOnly(Class<?> type, JsonDeserializer<?> names) {
            super(type);
            this.names = names;
            this.constants = Arrays.stream(type.getEnumConstants()).map(constant -> ((Enum<?>) constant).name())
                    .collect(Collectors.toUnmodifiableSet());
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                throw MismatchedInputException.from(parser, handledType(), "An enum takes its name as a string");
            }
            String value = parser.getText();
            if (!constants.contains(value)) {
                throw InvalidFormatException.from(parser, "Not one of the enum's names", value, handledType());
            }
            return names.deserialize(parser, context);
        }
    }
}
