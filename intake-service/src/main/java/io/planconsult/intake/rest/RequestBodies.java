package io.planconsult.intake.rest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Reads JSON request bodies from their bytes: the bytes are what an Idempotency-Key's fingerprint covers, and
 * decoding them ourselves lets invalid UTF-8 be refused instead of silently replaced.
 *
 * <p>Strict on purpose: an unknown field is refused (a misspelt {@code "chanel"} would otherwise be dropped
 * without a word), and a number or boolean is never turned into a string field ({@code "stationId": 12}).
 */
@ApplicationScoped
public class RequestBodies {

    private final ObjectMapper mapper;

    RequestBodies(ObjectMapper mapper) {
        this.mapper = mapper.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        for (CoercionInputShape shape : new CoercionInputShape[] {CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean}) {
            this.mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
    }

    public <T> T read(byte[] body, Class<T> type) throws JsonProcessingException {
        if (body == null || body.length == 0) {
            throw new MissingBodyException();
        }
        return reader(type).readValue(strictUtf8(body));
    }

    private ObjectReader reader(Class<?> type) {
        return mapper.readerFor(type);
    }

    /** @throws InvalidEncodingException when the bytes are not well-formed UTF-8 */
    static String strictUtf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidEncodingException();
        }
    }
}
