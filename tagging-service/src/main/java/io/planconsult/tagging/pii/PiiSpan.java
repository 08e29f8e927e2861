package io.planconsult.tagging.pii;

/**
 * A piece of personal data found in a suggestion.
 *
 * @param type  one of name, phone, id-number, email, address
 * @param start offset (inclusive) into the ORIGINAL text, in UTF-16 units like {@link String#substring}
 * @param end   offset (exclusive) into the original text
 */
public record PiiSpan(String type, int start, int end) {
}
