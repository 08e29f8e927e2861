package io.planconsult.intake.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SubmissionRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private static List<String> fieldsAtFault(NewSuggestion s) {
        return SubmissionRules.check(s, NOW).stream().map(FieldError::field).toList();
    }

    private static NewSuggestion valid() {
        return new NewSuggestion("st-xihu-01", "建议增加公交线路", "station", null, null);
    }

    @Test
    void validSuggestionHasNoErrors() {
        assertEquals(List.of(), fieldsAtFault(valid()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\n\t"})
    void blankTextIsRejected(String text) {
        assertEquals(List.of("text"), fieldsAtFault(new NewSuggestion("st-xihu-01", text, "station", null, null)));
    }

    @Test
    void missingTextIsRejected() {
        assertEquals(List.of("text"), fieldsAtFault(new NewSuggestion("st-xihu-01", null, "station", null, null)));
    }

    @Test
    void textOfExactlyTheLimitIsAcceptedAndOneMoreIsNot() {
        assertEquals(List.of(), fieldsAtFault(new NewSuggestion("s", "字".repeat(10_000), "forum", null, null)));
        assertEquals(List.of("text"), fieldsAtFault(new NewSuggestion("s", "字".repeat(10_001), "forum", null, null)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"station", "forum", "platform", "media", "deputy", "cppcc"})
    void everyDocumentedChannelIsAccepted(String channel) {
        assertEquals(List.of(), fieldsAtFault(new NewSuggestion("s", "x", channel, null, null)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"fax", "STATION", "", "wechat"})
    void unknownChannelIsRejected(String channel) {
        assertEquals(List.of("channel"), fieldsAtFault(new NewSuggestion("s", "x", channel, null, null)));
    }

    @Test
    void missingStationAndChannelAreBothReported() {
        assertEquals(List.of("stationId", "channel"), fieldsAtFault(new NewSuggestion(" ", "x", null, null, null)));
    }

    @Test
    void submissionTimeFarInTheFutureIsRejectedButClockDriftIsNot() {
        assertEquals(List.of("submittedAt"), fieldsAtFault(
                new NewSuggestion("s", "x", "station", NOW.plus(Duration.ofDays(1)), null)));
        assertEquals(List.of(), fieldsAtFault(new NewSuggestion("s", "x", "station", NOW.plus(Duration.ofMinutes(2)),
                null)));
    }

    @Test
    void oversizedSubmitterFieldsAreRejected() {
        var submitter = new NewSuggestion.Submitter("名".repeat(101), "1".repeat(41));
        assertEquals(List.of("submitter.name", "submitter.phone"),
                fieldsAtFault(new NewSuggestion("s", "x", "station", null, submitter)));
    }

    @Test
    void submitterNeverShowsInToString() {
        var s = new NewSuggestion("s", "x", "station", null, new NewSuggestion.Submitter("王建华", "13857162394"));
        assertTrue(!s.toString().contains("王建华") && !s.toString().contains("13857162394"), s.toString());
    }
}
