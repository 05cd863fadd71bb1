package dev.syncline.sandbox.crm;

/** An error PostgREST answers with {code, message, details, hint}. */
class PostgrestException extends RuntimeException {

    private final int status;
    private final String code;

    PostgrestException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }
}
