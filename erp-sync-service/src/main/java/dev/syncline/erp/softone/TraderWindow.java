package dev.syncline.erp.softone;

/**
 * What SoftOne answered for a window, once every row went to the writer: its own clock at the
 * time of answering ({@code at}, local time as sent), the window start it applied, the total it
 * announced and the rows that came.
 */
public record TraderWindow(String at, String windowStart, long total, long rows) {
}
