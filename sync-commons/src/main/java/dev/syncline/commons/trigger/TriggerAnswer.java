package dev.syncline.commons.trigger;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

import java.util.List;

/**
 * What is kept of a job endpoint's answer on its trigger row: the run's or job's id and, for a
 * refusal, the problem's words. The rest of an answer (a comparison's records, a migration's
 * per-record results) stays behind the endpoints that guard it, since anyone who may read the
 * trigger history (viewers included) would read it here.
 */
final class TriggerAnswer {

    /** The fields of our answers and problem documents that identify a run or explain a refusal. */
    static final List<String> KEPT = List.of("runId", "jobId", "comparisonId", "migrationId", "tenantId", "status",
            "title", "detail", "field", "runningRunId");

    /** Answers beyond this size are not parsed; only their status is kept. */
    private static final int MAX_PARSED = 1 << 20;
    private static final int MAX_TEXT = 300;

    private TriggerAnswer() {
    }

    static String summary(int status, String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        if (body.length() <= MAX_PARSED && body.stripLeading().startsWith("{")) {
            try {
                JsonObject answer = new JsonObject(body);
                JsonObject kept = new JsonObject();
                for (String field : KEPT) {
                    Object value = answer.getValue(field);
                    if (value instanceof String text) {
                        kept.put(field, shortened(text));
                    } else if (value instanceof Number || value instanceof Boolean) {
                        kept.put(field, value);
                    }
                }
                return kept.isEmpty() ? null : kept.encode();
            } catch (DecodeException notJson) {
                // fall through: an answer that is not our JSON (a proxy's page, a plain-text error)
            }
        }
        return status >= 400 ? new JsonObject().put("detail", shortened(body)).encode() : null;
    }

    private static String shortened(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + "…";
    }
}
