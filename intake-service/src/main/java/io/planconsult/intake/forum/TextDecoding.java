package io.planconsult.intake.forum;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Decodes an uploaded CSV whose encoding nobody declared. Chinese Excel saves CSV as GBK unless told
 * otherwise, WPS and newer Excel as UTF-8 with or without a byte-order mark.
 *
 * <p>The rule: a byte-order mark decides; otherwise a strict UTF-8 decode (malformed input is an
 * error, not a replacement character), and if that fails a strict GB18030 decode (GB18030 is a
 * superset of GBK and GB2312, so it reads all three). UTF-8 goes first because multi-byte UTF-8 is
 * self-checking: GBK-encoded Chinese text almost never forms valid UTF-8 sequences, while valid
 * UTF-8 often decodes as (wrong) GBK. A file that neither decodes is rejected, never guessed at.
 * A library such as ICU4J's CharsetDetector was not needed: with two candidate encodings, the strict
 * decoders of the JDK give a definite answer instead of a confidence score.
 */
public final class TextDecoding {

    /**
     * What was decoded and which encoding it was read as ({@code UTF-8}, {@code UTF-8-BOM}, {@code UTF-16}, {@code
     * GB18030}).
     */
    public record Decoded(String text, String encoding) {
    }

    public static final String UTF_8 = "UTF-8";
    public static final String UTF_8_BOM = "UTF-8-BOM";
    public static final String UTF_16 = "UTF-16";
    public static final String GB18030 = "GB18030";

    private static final Charset GB18030_CHARSET = Charset.forName("GB18030");

    private TextDecoding() {
    }

    /**
     * @throws InvalidImportException when the bytes are neither UTF-8 nor GBK/GB18030 text
     */
    public static Decoded decode(byte[] bytes) {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return strict(StandardCharsets.UTF_8, bytes, 3).map(text -> new Decoded(text, UTF_8_BOM))
                    .orElseThrow(() -> InvalidImportException.unusableFile("file",
                    "starts with a UTF-8 byte-order mark but is not valid UTF-8"));
        }
        if (startsWith(bytes, 0xFE, 0xFF) || startsWith(bytes, 0xFF, 0xFE)) {
            return strict(StandardCharsets.UTF_16, bytes, 0).map(text -> new Decoded(text, UTF_16))
                    .orElseThrow(() -> InvalidImportException.unusableFile("file",
                    "starts with a UTF-16 byte-order mark but is not valid UTF-16"));
        }
        Optional<String> utf8 = strict(StandardCharsets.UTF_8, bytes, 0);
        if (utf8.isPresent()) {
            return new Decoded(utf8.get(), UTF_8);
        }
        return strict(GB18030_CHARSET, bytes, 0).map(text -> new Decoded(text, GB18030))
                .orElseThrow(() -> InvalidImportException.unusableFile("file",
                "is neither UTF-8 nor GBK/GB18030 text; save it as CSV UTF-8"));
    }

    private static Optional<String> strict(Charset charset, byte[] bytes, int offset) {
        try {
            return Optional.of(charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
                    .toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
