package dev.syncline.commons.nativeimage.handmapped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;

/**
 * Mapping sites for {@code HandMappedTypesTest}: each way a type reaches Jackson by hand, some of
 * the types registered and some not.
 */
class Shelf {

    private final ObjectMapper mapper = new ObjectMapper();

    record Author(String name) {
    }

    /** Read with a class literal; its author is read along with it. */
    record Book(String title, Author author) {
    }

    /** Read through a generic method's {@code Class<T>} parameter, inside a lambda. */
    record Label(String text) {
    }

    /** Read as a list element through a {@code TypeReference}. */
    record Tag(String name) {
    }

    @RegisterForReflection
    record Review(String text, Stars stars) {
    }

    record Stars(int count) {
    }

    /** Stars is registered here, as a module's registry lists another's types. */
    @RegisterForReflection(targets = Stars.class)
    static final class Registrations {
    }

    Book book(String json) throws JsonProcessingException {
        return mapper.readValue(json, Book.class);
    }

    List<Label> labels(List<String> json) {
        return json.stream().map(text -> read(text, Label.class)).toList();
    }

    private <T> T read(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    List<Tag> tags(String json) throws JsonProcessingException {
        return mapper.readValue(json, new TypeReference<List<Tag>>() { });
    }

    String review(Review review) throws JsonProcessingException {
        return mapper.writeValueAsString(review);
    }

    String anything(Object value) throws JsonProcessingException {
        return mapper.writeValueAsString(value);
    }
}
