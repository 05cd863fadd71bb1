package dev.syncline.sandbox.commerce;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.language.SourceLocation;
import graphql.language.VariableDefinition;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.Type;
import graphql.language.TypeName;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks the request's variables against the operation's variable types before anything runs, and
 * refuses a bad one as Shopify does: a top-level {@code errors} entry (not {@code userErrors}) with
 * the message, {@code extensions.value} and {@code extensions.problems[{path, explanation}]} of
 * graphql-ruby's VariableValidationError (the server behind Shopify's Admin API), e.g.
 * {@code Variable $input of type CustomerInput! was provided invalid value for addresses.0.countryCode
 * (Expected "" to be one of: AC, AD, …)}, and {@code extensions.code} INVALID_VARIABLE.
 */
final class ShopifyVariables {

    private static final Set<String> BUILT_IN = Set.of("String", "ID", "Int", "Float", "Boolean");

    private final GraphQLSchema schema;

    ShopifyVariables(GraphQLSchema schema) {
        this.schema = schema;
    }

    /** Shopify's errors for the operation's invalid variables; empty when every variable is acceptable. */
    List<Map<String, Object>> refusals(Document document, String operationName, Map<String, Object> variables) {
        List<Map<String, Object>> errors = new ArrayList<>();
        for (var definition : document.getDefinitions()) {
            if (!(definition instanceof OperationDefinition operation)
                    || operationName != null && !operationName.equals(operation.getName())) {
                continue;
            }
            for (VariableDefinition variable : operation.getVariableDefinitions()) {
                GraphQLType type = runtimeType(variable.getType());
                if (!(type instanceof GraphQLInputType input)) {
                    continue;
                }
                Object value = variables.get(variable.getName());
                if (!variables.containsKey(variable.getName()) && variable.getDefaultValue() != null) {
                    continue;
                }
                List<Map<String, Object>> problems = new ArrayList<>();
                check(input, value, new ArrayList<>(), problems);
                if (!problems.isEmpty()) {
                    errors.add(error(variable, input, value, problems));
                }
            }
        }
        return errors;
    }

    private GraphQLType runtimeType(Type<?> type) {
        if (type instanceof NonNullType nonNull) {
            GraphQLType inner = runtimeType(nonNull.getType());
            return inner == null ? null : GraphQLNonNull.nonNull(inner);
        }
        if (type instanceof ListType list) {
            GraphQLType inner = runtimeType(list.getType());
            return inner == null ? null : GraphQLList.list(inner);
        }
        return schema.getType(((TypeName) type).getName());
    }

    private static Map<String, Object> error(VariableDefinition variable, GraphQLInputType type, Object value,
                                             List<Map<String, Object>> problems) {
        String fields = problems.stream().filter(p -> !((List<?>) p.get("path")).isEmpty())
                .map(p -> ((List<?>) p.get("path")).stream().map(String::valueOf).collect(Collectors.joining("."))
                        + " (" + p.get("explanation") + ")")
                .collect(Collectors.joining(", "));
        String message = "Variable $" + variable.getName() + " of type " + GraphQLTypeUtil.simplePrint(type) + " was provided invalid value"
                + (fields.isEmpty() ? "" : " for " + fields);
        SourceLocation at = variable.getSourceLocation();
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", "INVALID_VARIABLE");
        extensions.put("value", value);
        extensions.put("problems", problems);
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        if (at != null) {
            error.put("locations", List.of(Map.of("line", at.getLine(), "column", at.getColumn())));
        }
        error.put("extensions", extensions);
        return error;
    }

    private void check(GraphQLInputType type, Object value, List<Object> path, List<Map<String, Object>> problems) {
        if (type instanceof GraphQLNonNull nonNull) {
            if (value == null) {
                problem(path, "Expected value to not be null", problems);
            } else {
                check((GraphQLInputType) nonNull.getWrappedType(), value, path, problems);
            }
            return;
        }
        if (value == null) {
            return;
        }
        if (type instanceof GraphQLList list) {
            // A single value where a list is expected is taken as a list of one, as the spec coerces it.
            List<?> items = value instanceof List<?> l ? l : List.of(value);
            for (int i = 0; i < items.size(); i++) {
                check((GraphQLInputType) list.getWrappedType(), items.get(i), with(path, i), problems);
            }
        } else if (type instanceof GraphQLEnumType enumType) {
            if (!(value instanceof String name) || enumType.getValue(name) == null) {
                problem(path, "Expected " + literal(value) + " to be one of: " + enumType.getValues().stream()
                        .map(GraphQLEnumValueDefinition::getName).collect(Collectors.joining(", ")), problems);
            }
        } else if (type instanceof GraphQLInputObjectType object) {
            if (!(value instanceof Map<?, ?> map)) {
                problem(path, "Expected " + literal(value) + " to be a key-value object.", problems);
                return;
            }
            for (Object key : map.keySet()) {
                if (object.getField(String.valueOf(key)) == null) {
                    problem(with(path, key), "Field is not defined on " + object.getName(), problems);
                }
            }
            for (GraphQLInputObjectField field : object.getFields()) {
                check(field.getType(), map.get(field.getName()), with(path, field.getName()), problems);
            }
        } else if (type instanceof GraphQLScalarType scalar && !scalarAccepts(scalar, value)) {
            problem(path, "Could not coerce value " + literal(value) + " to " + scalar.getName(), problems);
        }
    }

    /** The built-in scalars by their JSON type; Shopify's own scalars (DateTime, Decimal, …) are taken as sent. */
    private static boolean scalarAccepts(GraphQLScalarType scalar, Object value) {
        if (!BUILT_IN.contains(scalar.getName())) {
            return !(value instanceof Map<?, ?>) && !(value instanceof List<?>);
        }
        return switch (scalar.getName()) {
            case "String" -> value instanceof String;
            case "ID" -> value instanceof String || value instanceof Integer || value instanceof Long;
            case "Int" -> value instanceof Integer || value instanceof Long l && l == l.intValue();
            case "Float" -> value instanceof Number;
            case "Boolean" -> value instanceof Boolean;
            default -> true;
        };
    }

    private static List<Object> with(List<Object> path, Object step) {
        List<Object> next = new ArrayList<>(path);
        next.add(step);
        return next;
    }

    private static void problem(List<Object> path, String explanation, List<Map<String, Object>> problems) {
        problems.add(Map.of("path", List.copyOf(path), "explanation", explanation));
    }

    /** The value as GraphQL would print it (a string quoted, like graphql-ruby's Language.serialize). */
    private static String literal(Object value) {
        return value instanceof String s ? "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"" : String.valueOf(value);
    }
}
