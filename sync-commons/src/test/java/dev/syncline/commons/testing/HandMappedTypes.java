package dev.syncline.commons.testing;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.signature.SignatureReader;
import org.objectweb.asm.signature.SignatureVisitor;
import org.objectweb.asm.signature.SignatureWriter;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.InnerClassNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceInterpreter;
import org.objectweb.asm.tree.analysis.SourceValue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The guard for native executables: every type of ours that Jackson reads or writes outside a REST
 * resource or REST client signature must be registered for reflection, or a native executable
 * answers {@code {}} and reads nothing. Quarkus registers the types of resource and client
 * signatures; nothing registers a record read with {@code readValue}, written as a problem from an
 * exception mapper or sent as a client's {@code Object} body.
 *
 * <p>This reads the compiled classes (no Quarkus boot), finds each call into Jackson, Vert.x JSON,
 * a JAX-RS {@code Response} entity, a REST client's {@code Object} parameter, a problem's member or
 * a failed run's members, follows the type argument or the value back to where it comes from (a
 * class literal, a {@code TypeReference}, a value's declared type, through parameters, lambdas and
 * locals to every caller), then walks each type's fields (and a sealed type's permitted subtypes),
 * and names every type of ours not registered: annotated with {@code @RegisterForReflection},
 * listed in its {@code targets}, or nested in a class so registered. A site whose type cannot be
 * told is named too: the guard does not guess.
 *
 * <p>What it trusts: a container's declared element types ({@code Map<String, Object>} holds JSON
 * values, not records of ours), and that a {@code RunFailedException}'s members are the only
 * values a problem takes from elsewhere (checked where the exception is made). Declared types of
 * locals come from the classes' debug information, which Maven's compiler writes by default.
 */
public final class HandMappedTypes {

    private static final String OURS = "dev/syncline/";
    private static final String REGISTER = "Lio/quarkus/runtime/annotations/RegisterForReflection;";
    private static final String REST_CLIENT = "Lorg/eclipse/microprofile/rest/client/inject/RegisterRestClient;";
    private static final String PATH = "Ljakarta/ws/rs/Path;";
    private static final String OBJECT = "java/lang/Object";
    private static final String TYPE_REFERENCE = "com/fasterxml/jackson/core/type/TypeReference";

    /** Owners whose methods map between JSON and objects, and the names of those methods. */
    private static final Set<String> MAPPING_OWNERS = Set.of(
            "com/fasterxml/jackson/databind/ObjectMapper", "com/fasterxml/jackson/databind/ObjectReader",
            "com/fasterxml/jackson/databind/ObjectWriter", "com/fasterxml/jackson/core/JsonParser",
            "com/fasterxml/jackson/core/JsonGenerator", "com/fasterxml/jackson/core/ObjectCodec",
            "com/fasterxml/jackson/databind/type/TypeFactory",
            "io/vertx/core/json/JsonObject", "io/vertx/core/json/JsonArray", "io/vertx/core/json/Json",
            "io/vertx/core/json/jackson/DatabindCodec", "io/vertx/core/buffer/Buffer", "io/vertx/mutiny/core/buffer/Buffer",
            "io/vertx/ext/web/client/HttpResponse", "io/vertx/mutiny/ext/web/client/HttpResponse",
            "io/vertx/ext/web/client/HttpRequest", "io/vertx/mutiny/ext/web/client/HttpRequest",
            "io/vertx/ext/web/codec/BodyCodec", "io/vertx/mutiny/ext/web/codec/BodyCodec",
            "jakarta/ws/rs/core/Response", "jakarta/ws/rs/core/Response$ResponseBuilder",
            "dev/syncline/commons/problem/Problem", "dev/syncline/commons/run/RunFailedException");
    private static final Set<String> MAPPING_NAMES = Set.of(
            "readValue", "readValues", "readValueAs", "readValuesAs", "treeToValue", "convertValue", "valueToTree",
            "readerFor", "readerForListOf", "readerForMapOf", "readerForArrayOf", "writerFor", "forType",
            "writeValue", "writeValueAsString", "writeValueAsBytes", "writeObject", "writePOJO", "writeTree",
            "constructType", "constructCollectionType", "constructMapType", "constructParametricType",
            "mapFrom", "mapTo", "encode", "encodePrettily", "encodeToBuffer", "decodeValue", "fromJson", "toJson",
            "bodyAsJson", "json", "sendJson", "sendJsonAndAwait", "sendJsonAndForget",
            "entity", "ok", "accepted", "with", "<init>");
    /** Types that need nothing of ours: Jackson and Vert.x handle them without our classes' members. */
    private static final Set<String> CONTAINERS = Set.of(
            "java/util/List", "java/util/Set", "java/util/Collection", "java/util/Map", "java/util/Optional",
            "java/util/ArrayList", "java/util/LinkedHashMap", "java/util/HashMap", "java/lang/Iterable");

    private final Map<String, ClassNode> classes = new HashMap<>();
    private final Map<String, ClassNode> elsewhere = new HashMap<>();
    private final Map<String, Frame<SourceValue>[]> frames = new HashMap<>();
    private final Set<String> problems = new TreeSet<>();
    private final Map<String, Set<String>> mappedTypes = new HashMap<>();
    private final Set<String> registered = new HashSet<>();
    private final Set<String> registeredWithNested = new HashSet<>();

    private HandMappedTypes(List<Path> roots) {
        roots.forEach(this::read);
        classes.values().forEach(this::collectRegistrations);
        classes.values().forEach(this::collectFieldsStoredAsJson);
        for (ClassNode owner : classes.values()) {
            for (MethodNode method : owner.methods) {
                findMappingSites(owner, method);
            }
        }
    }

    /**
     * The module's compiled classes ({@code target/classes}, the working directory being the
     * module's) and sync-commons', whose registrations and mapping sites every service shares.
     */
    public static HandMappedTypes ofThisModule() {
        Set<Path> roots = new LinkedHashSet<>();
        roots.add(Path.of("target", "classes").toAbsolutePath().normalize());
        roots.add(locationOf(dev.syncline.commons.problem.Problem.class));
        return new HandMappedTypes(List.copyOf(roots));
    }

    /** The classes under these directories only (for the guard's own test). */
    public static HandMappedTypes of(Path... roots) {
        return new HandMappedTypes(List.of(roots));
    }

    /**
     * The check every module runs: nothing mapped by hand in this module is unregistered, and the scan
     * did see {@code knownMapped} (a type the module is known to map), so an empty scan cannot pass.
     */
    public static void assertEveryTypeRegistered(String knownMapped) {
        HandMappedTypes types = ofThisModule();
        List<String> unregistered = types.unregistered();
        assertTrue(unregistered.isEmpty(), () -> String.join("\n", unregistered));
        assertTrue(types.mapped().contains(knownMapped), types.mapped()::toString);
    }

    /** Each type of ours mapped by hand and not registered for reflection, with where it is mapped. */
    public List<String> unregistered() {
        List<String> missing = new ArrayList<>(problems);
        mappedTypes.forEach((type, sites) -> {
            if (!isRegistered(type)) {
                missing.add(type.replace('/', '.') + " is not registered for reflection; mapped at " + String.join(", ", sites));
            }
        });
        missing.sort(null);
        return missing;
    }

    /** Every type of ours mapped by hand (with the fields' types), for a reader's check. */
    public Set<String> mapped() {
        Set<String> names = new TreeSet<>();
        mappedTypes.keySet().forEach(name -> names.add(name.replace('/', '.')));
        return names;
    }

    private static Path locationOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath().normalize();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A classes directory, or a jar (a reactor that packaged sync-commons hands its jar to the services' tests). */
    private void read(Path root) {
        if (Files.isRegularFile(root)) {
            try (java.util.jar.JarFile jar = new java.util.jar.JarFile(root.toFile())) {
                for (java.util.jar.JarEntry entry : java.util.Collections.list(jar.entries())) {
                    if (entry.getName().endsWith(".class")) {
                        try (InputStream in = jar.getInputStream(entry)) {
                            add(in);
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(file -> file.toString().endsWith(".class")).forEach(file -> {
                try (InputStream in = Files.newInputStream(file)) {
                    add(in);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void add(InputStream in) throws IOException {
        ClassNode node = new ClassNode();
        new ClassReader(in).accept(node, 0);
        classes.put(node.name, node);
    }

    // Registrations

    private void collectRegistrations(ClassNode node) {
        for (AnnotationNode annotation : annotations(node)) {
            if (!REGISTER.equals(annotation.desc)) {
                continue;
            }
            List<String> targets = new ArrayList<>();
            boolean nested = true;
            if (annotation.values != null) {
                for (int i = 0; i < annotation.values.size(); i += 2) {
                    String name = (String) annotation.values.get(i);
                    Object value = annotation.values.get(i + 1);
                    if ("targets".equals(name)) {
                        ((List<?>) value).forEach(target -> targets.add(((Type) target).getInternalName()));
                    } else if ("classNames".equals(name)) {
                        ((List<?>) value).forEach(target -> targets.add(((String) target).replace('.', '/')));
                    } else if ("ignoreNested".equals(name)) {
                        nested = !Boolean.TRUE.equals(value);
                    }
                }
            }
            if (targets.isEmpty()) {
                targets.add(node.name);
            }
            registered.addAll(targets);
            if (nested) {
                registeredWithNested.addAll(targets);
            }
        }
    }

    private static List<AnnotationNode> annotations(ClassNode node) {
        List<AnnotationNode> all = new ArrayList<>();
        if (node.visibleAnnotations != null) {
            all.addAll(node.visibleAnnotations);
        }
        if (node.invisibleAnnotations != null) {
            all.addAll(node.invisibleAnnotations);
        }
        return all;
    }

    private boolean isRegistered(String type) {
        if (registered.contains(type)) {
            return true;
        }
        for (String outer = outerOf(type); outer != null; outer = outerOf(outer)) {
            if (registeredWithNested.contains(outer)) {
                return true;
            }
        }
        return false;
    }

    private String outerOf(String type) {
        ClassNode node = classNode(type);
        if (node == null) {
            return null;
        }
        for (InnerClassNode inner : node.innerClasses) {
            if (inner.name.equals(type)) {
                return inner.outerName;
            }
        }
        return null;
    }

    // Hibernate's JSON columns are read and written by Jackson too.

    private void collectFieldsStoredAsJson(ClassNode node) {
        for (FieldNode field : node.fields) {
            List<AnnotationNode> all = new ArrayList<>();
            if (field.visibleAnnotations != null) {
                all.addAll(field.visibleAnnotations);
            }
            if (field.invisibleAnnotations != null) {
                all.addAll(field.invisibleAnnotations);
            }
            boolean json = all.stream().anyMatch(a -> a.desc.equals("Lorg/hibernate/annotations/JdbcTypeCode;"));
            if (json) {
                addMapped(field.signature != null ? field.signature : field.desc, simple(node.name) + "." + field.name);
            }
        }
    }

    // Mapping sites

    private void findMappingSites(ClassNode owner, MethodNode method) {
        AbstractInsnNode[] insns = method.instructions.toArray();
        for (int i = 0; i < insns.length; i++) {
            if (!(insns[i] instanceof MethodInsnNode call) || !isMappingCall(call)) {
                continue;
            }
            Type[] arguments = Type.getArgumentTypes(call.desc);
            Frame<SourceValue> frame = framesOf(owner, method)[i];
            if (frame == null) {
                continue;
            }
            int line = lineOf(insns, i);
            String site = simple(owner.name) + "." + displayName(method) + " (line " + line + ")";
            for (int a = 0; a < arguments.length; a++) {
                Kind kind = kindOf(call, arguments[a]);
                if (kind == null) {
                    continue;
                }
                SourceValue value = frame.getStack(frame.getStackSize() - arguments.length + a);
                for (String found : resolve(owner, method, value, kind, new HashSet<>())) {
                    if (found.startsWith("?")) {
                        problems.add("cannot tell which type " + simple(call.owner) + "." + call.name + " maps at " + site
                                + ": " + found.substring(1) + "; pass a class literal or a declared type");
                    } else {
                        addMapped(found, site);
                    }
                }
            }
        }
    }

    private enum Kind { TYPE, VALUE }

    private boolean isMappingCall(MethodInsnNode call) {
        if (MAPPING_OWNERS.contains(call.owner)) {
            if (call.owner.startsWith(OURS)) {
                return call.owner.endsWith("/Problem") ? call.name.equals("with") : call.name.equals("<init>");
            }
            return MAPPING_NAMES.contains(call.name) && !call.name.equals("<init>");
        }
        ClassNode target = classes.get(call.owner);
        return target != null && (target.access & Opcodes.ACC_INTERFACE) != 0
                && annotations(target).stream().anyMatch(a -> a.desc.equals(REST_CLIENT) || a.desc.equals(PATH));
    }

    private static Kind kindOf(MethodInsnNode call, Type argument) {
        String name = argument.getSort() == Type.OBJECT ? argument.getInternalName() : "";
        return switch (name) {
            case "java/lang/Class", TYPE_REFERENCE, "com/fasterxml/jackson/databind/JavaType" -> Kind.TYPE;
            case OBJECT -> Kind.VALUE;
            case "java/util/Map" -> call.owner.endsWith("/RunFailedException") ? Kind.VALUE : null;
            default -> null;
        };
    }

    /**
     * The type signatures a value can have, or {@code ?why} where that cannot be told. A type
     * argument resolves to the class it names, a value to its declared (generic where known) type.
     */
    private Set<String> resolve(ClassNode owner, MethodNode method, SourceValue value, Kind kind, Set<String> seen) {
        Set<String> found = new LinkedHashSet<>();
        AbstractInsnNode[] insns = method.instructions.toArray();
        Frame<SourceValue>[] methodFrames = framesOf(owner, method);
        for (AbstractInsnNode insn : value.insns) {
            int index = method.instructions.indexOf(insn);
            String key = owner.name + "." + method.name + method.desc + "@" + index;
            if (!seen.add(key)) {
                continue;
            }
            if (insn instanceof LdcInsnNode ldc) {
                found.add(ldc.cst instanceof Type type ? (kind == Kind.TYPE ? type.getDescriptor() : "Ljava/lang/Class;")
                        : Type.getType(ldc.cst.getClass()).getDescriptor());
            } else if (insn instanceof TypeInsnNode type && type.getOpcode() == Opcodes.NEW) {
                ClassNode created = classNode(type.desc);
                if (kind == Kind.TYPE && created != null && TYPE_REFERENCE.equals(created.superName) && created.signature != null) {
                    found.add(created.signature);
                } else {
                    found.add("L" + type.desc + ";");
                }
            } else if (insn instanceof TypeInsnNode cast && cast.getOpcode() == Opcodes.CHECKCAST) {
                found.add(Type.getObjectType(cast.desc).getDescriptor());
            } else if (insn instanceof VarInsnNode load && load.getOpcode() == Opcodes.ALOAD) {
                found.addAll(resolveLocal(owner, method, index, load.var, methodFrames[index].getLocal(load.var), kind, seen));
            } else if (insn.getOpcode() >= Opcodes.DUP && insn.getOpcode() <= Opcodes.DUP2_X2 || insn.getOpcode() == Opcodes.ASTORE) {
                Frame<SourceValue> before = methodFrames[index];
                found.addAll(resolve(owner, method, before.getStack(before.getStackSize() - 1), kind, seen));
            } else if (insn instanceof MethodInsnNode call) {
                found.addAll(resolveCallResult(owner, method, index, call, kind, seen));
            } else if (insn instanceof FieldInsnNode field) {
                found.add(fieldSignature(field));
            } else if (insn.getOpcode() == Opcodes.ACONST_NULL) {
                continue;
            } else {
                found.add("?a value computed at line " + lineOf(insns, index));
            }
        }
        return refine(found, kind, owner, method);
    }

    /** A declared type that still names no class (Object, a raw container, a type variable) is not an answer. */
    private Set<String> refine(Set<String> found, Kind kind, ClassNode owner, MethodNode method) {
        Set<String> refined = new LinkedHashSet<>();
        for (String signature : found) {
            if (signature.startsWith("?") || kind == Kind.TYPE) {
                refined.add(signature);
            } else if (signature.equals("Ljava/lang/Object;") || signature.startsWith("T")
                    || (signature.startsWith("L") && !signature.contains("<")
                    && CONTAINERS.contains(signature.substring(1, signature.length() - 1)))) {
                refined.add("?a value declared only as " + signature + " in " + simple(owner.name) + "." + displayName(method));
            } else {
                refined.add(signature);
            }
        }
        return refined;
    }

    private Set<String> resolveLocal(ClassNode owner, MethodNode method, int index, int slot, SourceValue local, Kind kind,
                                     Set<String> seen) {
        String declared = localSignature(method, slot, index);
        if (declared != null && kind == Kind.VALUE && namesAType(declared)) {
            return Set.of(declared);
        }
        if (!local.insns.isEmpty()) {
            return resolve(owner, method, local, kind, seen);
        }
        boolean instance = (method.access & Opcodes.ACC_STATIC) == 0;
        if (instance && slot == 0) {
            return Set.of("L" + owner.name + ";");
        }
        int parameter = parameterOfSlot(method, slot);
        String parameterSignature = parameterSignature(method, parameter);
        if (kind == Kind.VALUE && parameterSignature != null && namesAType(parameterSignature)) {
            return Set.of(parameterSignature);
        }
        return resolveFromCallers(owner, method, parameter, kind, seen);
    }

    /** A parameter's type comes from every call of its method: direct calls and lambdas that capture it. */
    private Set<String> resolveFromCallers(ClassNode owner, MethodNode method, int parameter, Kind kind, Set<String> seen) {
        Set<String> found = new LinkedHashSet<>();
        boolean called = false;
        int arguments = Type.getArgumentTypes(method.desc).length;
        for (ClassNode caller : classes.values()) {
            for (MethodNode callerMethod : caller.methods) {
                AbstractInsnNode[] insns = callerMethod.instructions.toArray();
                for (int i = 0; i < insns.length; i++) {
                    int stackArgument = -1;
                    int stackArguments = 0;
                    if (insns[i] instanceof MethodInsnNode call && call.owner.equals(owner.name)
                            && call.name.equals(method.name) && call.desc.equals(method.desc)) {
                        stackArgument = parameter;
                        stackArguments = arguments;
                    } else if (insns[i] instanceof InvokeDynamicInsnNode indy && capturesInto(indy, owner, method)) {
                        Handle impl = (Handle) indy.bsmArgs[1];
                        int captured = Type.getArgumentTypes(indy.desc).length;
                        int receiver = impl.getTag() == Opcodes.H_INVOKESTATIC ? 0 : 1;
                        stackArgument = parameter + receiver;
                        stackArguments = captured;
                        if (stackArgument >= captured) {
                            found.add("?a lambda parameter of " + simple(owner.name) + "." + displayName(method));
                            continue;
                        }
                    }
                    if (stackArgument < 0) {
                        continue;
                    }
                    called = true;
                    Frame<SourceValue> frame = framesOf(caller, callerMethod)[i];
                    if (frame == null) {
                        continue;
                    }
                    SourceValue value = frame.getStack(frame.getStackSize() - stackArguments + stackArgument);
                    found.addAll(resolve(caller, callerMethod, value, kind, seen));
                }
            }
        }
        if (!called) {
            found.add("?parameter " + parameter + " of " + simple(owner.name) + "." + displayName(method) + ", which nothing here calls");
        }
        return found;
    }

    private static boolean capturesInto(InvokeDynamicInsnNode indy, ClassNode owner, MethodNode method) {
        return indy.bsmArgs.length > 1 && indy.bsmArgs[1] instanceof Handle impl && impl.getOwner().equals(owner.name)
                && impl.getName().equals(method.name) && impl.getDesc().equals(method.desc);
    }

    private Set<String> resolveCallResult(ClassNode owner, MethodNode method, int index, MethodInsnNode call, Kind kind,
                                          Set<String> seen) {
        // A type built from other types (TypeFactory, Map.of, List.of): the types it is built from.
        boolean builder = call.owner.equals("com/fasterxml/jackson/databind/type/TypeFactory")
                || call.owner.equals("com/fasterxml/jackson/databind/ObjectMapper") && call.name.equals("constructType")
                || (call.owner.equals("java/util/Map") || call.owner.equals("java/util/List")) && call.name.equals("of");
        if (builder) {
            Set<String> found = new LinkedHashSet<>();
            Type[] arguments = Type.getArgumentTypes(call.desc);
            Frame<SourceValue> frame = framesOf(owner, method)[index];
            for (int a = 0; a < arguments.length; a++) {
                Kind argumentKind = kindOf(call, arguments[a]);
                if (argumentKind != null) {
                    SourceValue value = frame.getStack(frame.getStackSize() - arguments.length + a);
                    found.addAll(resolve(owner, method, value, argumentKind, seen));
                }
            }
            return found;
        }
        if (kind == Kind.TYPE) {
            return Set.of("?the class " + simple(call.owner) + "." + call.name + " returns");
        }
        MethodNode declared = methodNode(call.owner, call.name, call.desc);
        if (declared != null && declared.signature != null) {
            String signature = declared.signature;
            return Set.of(signature.substring(signature.lastIndexOf(')') + 1));
        }
        return Set.of(Type.getReturnType(call.desc).getDescriptor());
    }

    private String fieldSignature(FieldInsnNode insn) {
        ClassNode owner = classNode(insn.owner);
        if (owner != null) {
            for (FieldNode field : owner.fields) {
                if (field.name.equals(insn.name) && field.signature != null) {
                    return field.signature;
                }
            }
        }
        return insn.desc;
    }

    // The types a mapped type brings along

    private void addMapped(String signature, String site) {
        for (String type : typesOf(signature)) {
            walk(type, site, new HashSet<>());
        }
    }

    private void walk(String type, String site, Set<String> seen) {
        if (!type.startsWith(OURS) || !seen.add(type)) {
            return;
        }
        mappedTypes.computeIfAbsent(type, t -> new TreeSet<>()).add(site);
        ClassNode node = classNode(type);
        if (node == null) {
            return;
        }
        for (FieldNode field : node.fields) {
            if ((field.access & Opcodes.ACC_STATIC) == 0) {
                for (String fieldType : typesOf(field.signature != null ? field.signature : field.desc)) {
                    walk(fieldType, site, seen);
                }
            }
        }
        if (node.superName != null) {
            walk(node.superName, site, seen);
        }
        // A value declared as a sealed type is one of the permitted ones, each with members of its own.
        if (node.permittedSubclasses != null) {
            node.permittedSubclasses.forEach(permitted -> walk(permitted, site, seen));
        }
    }

    /** Every class a type signature names, type arguments included. */
    private static Set<String> typesOf(String signature) {
        Set<String> names = new LinkedHashSet<>();
        new SignatureReader(signature).accept(new SignatureVisitor(Opcodes.ASM9) {
            private String current;

            @Override
            public void visitClassType(String name) {
                current = name;
                names.add(name);
            }

            @Override
            public void visitInnerClassType(String name) {
                current = current + "$" + name;
                names.add(current);
            }
        });
        return names;
    }

    private static boolean namesAType(String signature) {
        return typesOf(signature).stream().anyMatch(name -> !name.equals(OBJECT) && !CONTAINERS.contains(name))
                && !signature.startsWith("T");
    }

    // Class file details

    private ClassNode classNode(String name) {
        ClassNode known = classes.containsKey(name) ? classes.get(name) : elsewhere.get(name);
        if (known != null || !name.startsWith(OURS) || elsewhere.containsKey(name)) {
            return known;
        }
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(name + ".class")) {
            ClassNode node = null;
            if (in != null) {
                node = new ClassNode();
                new ClassReader(in).accept(node, 0);
            }
            elsewhere.put(name, node);
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private MethodNode methodNode(String owner, String name, String desc) {
        ClassNode node = classNode(owner);
        if (node == null) {
            return null;
        }
        return node.methods.stream().filter(m -> m.name.equals(name) && m.desc.equals(desc)).findFirst().orElse(null);
    }

    private Frame<SourceValue>[] framesOf(ClassNode owner, MethodNode method) {
        return frames.computeIfAbsent(owner.name + "." + method.name + method.desc, key -> {
            try {
                return new Analyzer<>(new SourceInterpreter()).analyze(owner.name, method);
            } catch (AnalyzerException e) {
                throw new IllegalStateException("cannot analyse " + key, e);
            }
        });
    }

    private static String localSignature(MethodNode method, int slot, int index) {
        if (method.localVariables == null) {
            return null;
        }
        for (LocalVariableNode local : method.localVariables) {
            if (local.index == slot && method.instructions.indexOf(local.start) <= index
                    && index <= method.instructions.indexOf(local.end)) {
                return local.signature != null ? local.signature : local.desc;
            }
        }
        return null;
    }

    private static int parameterOfSlot(MethodNode method, int slot) {
        int current = (method.access & Opcodes.ACC_STATIC) == 0 ? 1 : 0;
        Type[] arguments = Type.getArgumentTypes(method.desc);
        for (int p = 0; p < arguments.length; p++) {
            if (current == slot) {
                return p;
            }
            current += arguments[p].getSize();
        }
        throw new IllegalStateException("slot " + slot + " of " + method.name + " is no parameter");
    }

    private static String parameterSignature(MethodNode method, int parameter) {
        Type[] arguments = Type.getArgumentTypes(method.desc);
        if (method.signature == null) {
            return arguments[parameter].getDescriptor();
        }
        List<SignatureWriter> parameters = new ArrayList<>();
        new SignatureReader(method.signature).accept(new SignatureVisitor(Opcodes.ASM9) {
            @Override
            public SignatureVisitor visitParameterType() {
                SignatureWriter writer = new SignatureWriter();
                parameters.add(writer);
                return writer;
            }
        });
        // Synthetic parameters (an inner class's outer instance, an enum's name) are not in the signature.
        return parameters.size() == arguments.length ? parameters.get(parameter).toString() : arguments[parameter].getDescriptor();
    }

    private static int lineOf(AbstractInsnNode[] insns, int index) {
        for (int i = index; i >= 0; i--) {
            if (insns[i] instanceof org.objectweb.asm.tree.LineNumberNode line) {
                return line.line;
            }
        }
        return -1;
    }

    private static String displayName(MethodNode method) {
        return method.name.startsWith("lambda$") ? "lambda in " + method.name.split("\\$")[1] : method.name;
    }

    private static String simple(String internalName) {
        return internalName.substring(internalName.lastIndexOf('/') + 1);
    }
}
