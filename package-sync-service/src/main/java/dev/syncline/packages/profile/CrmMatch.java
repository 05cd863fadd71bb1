package dev.syncline.packages.profile;

/** The outcome of matching a profile to a CRM customer: matched (and how), ambiguous or unmatched, and why. */
public record CrmMatch(String status, String crmCustomerId, String matchedBy, String note) {

    public static CrmMatch matched(String crmCustomerId, String by) {
        return new CrmMatch("matched", crmCustomerId, by, null);
    }

    public static CrmMatch ambiguous(String note) {
        return new CrmMatch("ambiguous", null, null, note);
    }

    public static CrmMatch unmatched(String note) {
        return new CrmMatch("unmatched", null, null, note);
    }

    public boolean isMatched() {
        return "matched".equals(status);
    }
}
