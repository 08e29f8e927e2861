package io.planconsult.contract;

/**
 * A record that can never be processed, however often it is retried: it goes to the dead-letter topic with this
 * reason. The reason names what is wrong (a header, a field, the parser's verdict), never the record's text, which may
 * hold personal data.
 */
public class PoisonRecordException extends RuntimeException {

    public PoisonRecordException(String reason) {
        super(reason);
    }
}
