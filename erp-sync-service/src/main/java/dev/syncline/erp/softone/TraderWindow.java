package dev.syncline.erp.softone;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * What SoftOne answered for a window: its own clock at the time of answering ({@code at}, local
 * time as sent), the window start it applied and the changed rows.
 */
public record TraderWindow(String at, String windowStart, long total, List<JsonNode> rows) {
}
