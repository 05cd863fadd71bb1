package dev.syncline.commons.lock;

/**
 * A run found that it no longer owns its job: its lock's connection closed, or the ledger already
 * closed the run. The transaction that noticed it is rolled back, and the run writes nothing more.
 */
public class LostLockException extends RuntimeException {

    public LostLockException(String message) {
        super(message);
    }
}
