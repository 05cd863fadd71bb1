package dev.syncline.commons.upstream;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import javax.net.ssl.SSLException;

/**
 * What went wrong on the wire, in words a person can act on; the class names stay in the log.
 */
public final class TransportFailure {

    private TransportFailure() {
    }

    public static String describe(Throwable failure) {
        for (Throwable e = failure; e != null; e = e.getCause() == e ? null : e.getCause()) {
            String words = wordsFor(e);
            if (words != null) {
                return words;
            }
        }
        return "the connection failed";
    }

    private static String wordsFor(Throwable e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (e instanceof ConnectException) {
            return message.contains("timed out") ? "the connection timed out" : "connection refused";
        }
        if (e instanceof UnknownHostException) {
            return "its host name is unknown";
        }
        if (e instanceof NoRouteToHostException) {
            return "there is no route to its host";
        }
        if (e instanceof SSLException) {
            return "the TLS handshake failed";
        }
        if (e instanceof java.util.concurrent.TimeoutException || message.contains("timeout period")
                || e.getClass().getSimpleName().contains("Timeout")) {
            return "it did not answer in time";
        }
        if (e instanceof ClosedChannelException || message.contains("Connection reset")
                || message.contains("Connection was closed") || message.contains("closed")) {
            return "the connection was closed before the answer was complete";
        }
        if (e instanceof IOException && !message.isBlank() && !message.contains(".")) {
            return message.toLowerCase();
        }
        return null;
    }
}
