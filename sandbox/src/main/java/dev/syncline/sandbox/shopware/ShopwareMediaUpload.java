package dev.syncline.sandbox.shopware;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.syncline.sandbox.http.Json;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.RoutingContext;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * {@code POST /api/_action/media/{mediaId}/upload?extension=…&fileName=…} as Shopware answers it
 * (shopware/shopware, Content/Media/Api/MediaUploadController, File/FileFetcher, File/FileSaver,
 * MediaException): the media entity must exist (404 {@code CONTENT__MEDIA_NOT_FOUND}), the extension
 * is required, a file name defaults to the media id and may not be blank or a path, the file comes
 * as the body or, with {@code {"url"}}, is downloaded for real (a failed download is
 * {@code CONTENT__MEDIA_CANNOT_OPEN_SOURCE_STREAM_TO_READ}), and a file name and extension another
 * media already has is {@code CONTENT__MEDIA_DUPLICATED_FILE_NAME}. Uploading again to the same
 * media replaces its file. Stricter than Shopware on one point: bytes that are no image (an HTML
 * error page behind a 200) are refused, so a broken product image shows up in tests instead of
 * being stored. Answers 204 with the file's URL in {@code Location}.
 */
final class ShopwareMediaUpload {

    private static final Pattern HEX_ID = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern ILLEGAL_NAME = Pattern.compile(".*[/\\\\\\x00-\\x1f].*");

    private final HttpClient http;
    private final Function<RoutingContext, ShopwareInstance> instances;

    ShopwareMediaUpload(Vertx vertx, Function<RoutingContext, ShopwareInstance> instances) {
        this.http = vertx.createHttpClient();
        this.instances = instances;
    }

    private record Request(String mediaId, String extension, String fileName, String url, byte[] bytes) {
    }

    void upload(RoutingContext context) {
        ShopwareInstance shop = instances.apply(context);
        Request request;
        try {
            request = request(context, shop);
        } catch (Refused refused) {
            answer(context, shop, null, refused);
            return;
        }
        Request asked = request;
        (asked.bytes() != null ? Future.succeededFuture(asked.bytes()) : download(asked.url()))
                .onComplete(downloaded -> {
                    try {
                        if (downloaded.failed()) {
                            throw new Refused(400, "CONTENT__MEDIA_CANNOT_OPEN_SOURCE_STREAM_TO_READ",
                                    "Cannot open source stream to read from " + asked.url() + ".");
                        }
                        store(context, shop, asked, downloaded.result());
                        answer(context, shop, asked, null);
                    } catch (Refused refused) {
                        answer(context, shop, asked, refused);
                    }
                });
    }

    /** The request's parts, checked as Shopware checks them before it reads the file. */
    private static Request request(RoutingContext context, ShopwareInstance shop) {
        String mediaId = context.pathParam("mediaId");
        synchronized (shop) {
            if (!HEX_ID.matcher(mediaId).matches() || shop.store.of("media").get(mediaId) == null) {
                throw new Refused(404, "CONTENT__MEDIA_NOT_FOUND", "Media for id " + mediaId + " not found.");
            }
        }
        String extension = context.queryParams().get("extension");
        if (extension == null || extension.isBlank()) {
            throw new Refused(400, "CONTENT__MEDIA_MISSING_FILE_EXTENSION", "No file extension provided. Please use the 'extension' "
                    + "query parameter to specify the extension of the uploaded file.");
        }
        String fileName = context.queryParams().contains("fileName") ? context.queryParams().get("fileName") : mediaId;
        if (fileName.isBlank()) {
            throw new Refused(400, "CONTENT__MEDIA_EMPTY_FILE_NAME", "A valid filename must be provided.");
        }
        if (ILLEGAL_NAME.matcher(fileName).matches()) {
            throw new Refused(400, "CONTENT__MEDIA_ILLEGAL_FILE_NAME", "Provided filename \"" + fileName + "\" is not permitted: "
                    + "Filename must not contain \"/\", \"\\\" or control characters");
        }
        String contentType = String.valueOf(context.request().getHeader("Content-Type"));
        Buffer body = context.body() == null ? null : context.body().buffer();
        if (!contentType.startsWith("application/json")) {
            if (body == null || body.length() == 0) {
                throw new Refused(400, "CONTENT__MEDIA_EMPTY_FILE", "Expected content-length did not match actual size.");
            }
            return new Request(mediaId, extension, fileName, null, body.getBytes());
        }
        JsonNode json;
        try {
            json = Json.body(context);
        } catch (IllegalArgumentException e) {
            throw new Refused(400, "CONTENT__MEDIA_INVALID_URL", "Provided URL \"\" is invalid.");
        }
        String url = json.path("url").asText("");
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw new Refused(400, "CONTENT__MEDIA_ILLEGAL_URL", "Provided URL \"" + url + "\" is invalid.");
        }
        return new Request(mediaId, extension, fileName, url, null);
    }

    private Future<byte[]> download(String url) {
        return http.request(new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(url).setIdleTimeout(10_000))
                .compose(request -> request.send())
                .compose(response -> response.statusCode() == 200 ? response.body()
                        : Future.failedFuture("HTTP " + response.statusCode()))
                .map(Buffer::getBytes);
    }

    /** The file written to its media: what Shopware keeps of it, and the bytes, served under /media/. */
    private static void store(RoutingContext context, ShopwareInstance shop, Request request, byte[] bytes) {
        String mimeType = imageType(bytes);
        if (mimeType == null) {
            throw new Refused(400, "CONTENT__MEDIA_FILE_TYPE_NOT_SUPPORTED", "The file extension \"" + request.extension()
                    + "\" is not supported: the file is not an image.");
        }
        String file = request.fileName() + "." + request.extension();
        synchronized (shop) {
            ObjectNode media = shop.store.of("media").get(request.mediaId());
            if (media == null) {
                throw new Refused(404, "CONTENT__MEDIA_NOT_FOUND", "Media for id " + request.mediaId() + " not found.");
            }
            for (ObjectNode other : shop.store.of("media").values()) {
                if (!other.get("id").asText().equals(request.mediaId()) && other.path("hasFile").asBoolean(false)
                        && request.fileName().equals(other.path("fileName").asText())
                        && request.extension().equals(other.path("fileExtension").asText())) {
                    throw new Refused(400, "CONTENT__MEDIA_DUPLICATED_FILE_NAME", "A file with the name \"" + file + "\" already exists.");
                }
            }
            shop.store.files.remove(media.path("fileName").asText() + "." + media.path("fileExtension").asText());
            shop.store.files.put(file, bytes);
            media.put("fileName", request.fileName()).put("fileExtension", request.extension()).put("mimeType", mimeType)
                    .put("fileSize", bytes.length).put("hasFile", true).put("path", "media/" + file)
                    .put("uploadedAt", OffsetDateTime.now(ZoneOffset.UTC).toString())
                    .put("url", mediaBase(context) + file);
        }
    }

    static String mediaBase(RoutingContext context) {
        return context.request().scheme() + "://" + context.request().getHeader("Host") + "/shopware/"
                + context.pathParam("instance") + "/media/";
    }

    /** The image type the first bytes announce (PNG, JPEG, GIF, WebP), or null. */
    static String imageType(byte[] bytes) {
        if (starts(bytes, 0x89, 'P', 'N', 'G')) {
            return "image/png";
        }
        if (starts(bytes, 0xff, 0xd8, 0xff)) {
            return "image/jpeg";
        }
        if (starts(bytes, 'G', 'I', 'F', '8')) {
            return "image/gif";
        }
        if (bytes.length > 12 && starts(bytes, 'R', 'I', 'F', 'F')
                && new String(bytes, 8, 4, java.nio.charset.StandardCharsets.US_ASCII).equals("WEBP")) {
            return "image/webp";
        }
        return null;
    }

    private static boolean starts(byte[] bytes, int... magic) {
        if (bytes.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((bytes[i] & 0xff) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /** Every upload request is kept as received (for the contract test) with Shopware's answer. */
    private static void answer(RoutingContext context, ShopwareInstance shop, Request request, Refused refused) {
        Map<String, Object> received = new LinkedHashMap<>();
        received.put("mediaId", context.pathParam("mediaId"));
        Map<String, String> query = new LinkedHashMap<>();
        context.queryParams().forEach(query::put);
        received.put("query", query);
        received.put("contentType", context.request().getHeader("Content-Type"));
        received.put("body", request != null && request.url() != null ? Json.body(context) : null);
        received.put("status", refused == null ? 204 : refused.status);
        synchronized (shop) {
            shop.uploads.addLast(received);
            while (shop.uploads.size() > ShopwareInstance.KEPT_REQUESTS) {
                shop.uploads.removeFirst();
            }
        }
        if (refused != null) {
            shop.refusedUploads.incrementAndGet();
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("status", Integer.toString(refused.status));
            error.put("code", refused.code);
            error.put("title", refused.status == 404 ? "Not Found" : "Bad Request");
            error.put("detail", refused.getMessage());
            Json.send(context, refused.status, Map.of("errors", List.of(error)));
            return;
        }
        shop.mediaUploads.incrementAndGet();
        context.response().setStatusCode(204)
                .putHeader("Location", mediaBase(context) + request.fileName() + "." + request.extension()).end();
    }

    /** Shopware's refusal of an upload: its status, error code and detail. */
    private static final class Refused extends RuntimeException {
        final int status;
        final String code;

        Refused(int status, String code, String detail) {
            super(detail, null, false, false);
            this.status = status;
            this.code = code;
        }
    }
}
