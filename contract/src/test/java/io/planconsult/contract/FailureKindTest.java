package io.planconsult.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.sql.SQLException;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;

class FailureKindTest {

    /** As a persistence framework hands a driver's error up: wrapped, the SQLSTATE on the cause. */
    private static RuntimeException wrapped(String sqlState) {
        return new IllegalStateException("could not execute statement",
                new SQLException("statement failed", sqlState));
    }

    @Test
    void aRuleBrokenAnywhereInTheChainIsPoison() {
        assertEquals(FailureKind.POISON, FailureKind.of(new PoisonRecordException("no ce_id")));
        assertEquals(FailureKind.POISON, FailureKind.of(new CompletionException(new PoisonRecordException("x"))));
    }

    @Test
    void anUnreachableOrRestartingDatabaseIsTransient() {
        for (String state : new String[] {"08006", "08001", "53300", "57P01", "57P03", "57014", "40001", "40P01",
                "55P03"}) {
            assertEquals(FailureKind.TRANSIENT, FailureKind.of(wrapped(state)), state);
        }
        assertEquals(FailureKind.TRANSIENT, FailureKind.of(new SQLException("Acquisition timeout while waiting")));
        assertEquals(FailureKind.TRANSIENT, FailureKind.of(new RuntimeException(new ConnectException("refused"))));
    }

    @Test
    void aBrokerErrorTheClientCallsRetriableIsTransient() {
        assertEquals(FailureKind.TRANSIENT,
                FailureKind.of(new org.apache.kafka.common.errors.TimeoutException("no ack in time")));
        assertEquals(FailureKind.TRANSIENT, FailureKind.of(new java.util.concurrent.TimeoutException()));
    }

    @Test
    void dataTheDatabaseRefusesAndBugsAreUnexpected() {
        assertEquals(FailureKind.UNEXPECTED, FailureKind.of(wrapped("23505")), "a unique violation");
        assertEquals(FailureKind.UNEXPECTED, FailureKind.of(wrapped("22001")), "a value too long");
        assertEquals(FailureKind.UNEXPECTED, FailureKind.of(new NullPointerException()));
        assertEquals(FailureKind.UNEXPECTED, FailureKind.of(new SQLException("no state")));
    }

    @Test
    void aBugIsDescribedByItsClassesAndAShortMessageOnly() {
        String reason = FailureKind.describe(new IllegalStateException("x".repeat(500), new ArithmeticException()));
        assertTrue(reason.startsWith("java.lang.IllegalStateException: xxx"), reason);
        assertTrue(reason.endsWith("(root java.lang.ArithmeticException)"), reason);
        assertFalse(reason.contains("x".repeat(201)), "the message is cut at 200 characters");
    }

    @Test
    void onlyTheFirstLineOfAMessageIsKeptForItsDetailLinesQuoteTheRow() {
        String reason = FailureKind.describe(new IllegalStateException(
                "ERROR: value too long for type character varying(32)\n  Detail: Failing row contains (张三, "
                + "13812345678)."));
        assertTrue(reason.contains("value too long"), reason);
        assertFalse(reason.contains("13812345678") || reason.contains("张三"), reason);
    }
}
