package dev.syncline.sandbox;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Simulator tests talk to a real sandbox server on a free port, started once per test class. */
public abstract class RunningSandbox {

    protected static SandboxServer sandbox;

    @BeforeAll
    static void startSandbox() {
        sandbox = SandboxServer.start();
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }
}
