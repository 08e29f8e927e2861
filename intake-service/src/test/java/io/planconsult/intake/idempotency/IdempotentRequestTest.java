package io.planconsult.intake.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class IdempotentRequestTest {

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aRequestWithoutAKeyIsNotDigested() {
        IdempotentRequest request = IdempotentRequest.of("staff|st-1", null, "/api/v1/suggestions", b("{}"));
        assertFalse(request.keyed());
        assertNull(request.fingerprint());
    }

    @Test
    void theSameBodyOnAnotherPathIsAnotherRequest() {
        assertNotEquals(IdempotentRequest.of("c", "k", "/api/v1/suggestions", b("{}")).fingerprint(),
                IdempotentRequest.of("c", "k", "/api/v1/forums/imports", b("{}")).fingerprint());
        assertEquals(IdempotentRequest.of("c", "k", "/p", b("{}")).fingerprint(),
                IdempotentRequest.of("c", "other-key", "/p", b("{}")).fingerprint());
    }

    @Test
    void partsAreFramedSoThatMovingABoundaryChangesTheDigest() {
        assertNotEquals(IdempotentRequest.of("c", "k", "/p", IdempotentRequest.parts(b("ab"), b("c"))).fingerprint(),
                IdempotentRequest.of("c", "k", "/p", IdempotentRequest.parts(b("a"), b("bc"))).fingerprint());
    }

    @Test
    void keysMustBeOneTo200PrintableAsciiCharacters() {
        assertThrows(InvalidIdempotencyKeyException.class, () -> IdempotentRequest.of("c", "", "/p", b("")));
        String tooLong = "a".repeat(201);
        assertThrows(InvalidIdempotencyKeyException.class, () -> IdempotentRequest.of("c", tooLong, "/p", b("")));
        assertThrows(InvalidIdempotencyKeyException.class, () -> IdempotentRequest.of("c", "has space", "/p", b("")));
        assertThrows(InvalidIdempotencyKeyException.class, () -> IdempotentRequest.of("c", "键", "/p", b("")));
        assertEquals("a".repeat(200), IdempotentRequest.of("c", "a".repeat(200), "/p", b("")).key());
    }
}
