package io.planconsult.tagging.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.planconsult.contract.EventTypes;
import io.planconsult.contract.SealedText;
import io.planconsult.contract.Topics;
import io.planconsult.infra.testing.KafkaBrokerTestResource;
import io.planconsult.infra.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Sealed raw text on the submitted topic: opened with the suggestion's key from intake, tagged and published redacted;
 * an erased suggestion's key is gone and its event is skipped (no tagged record, nothing dead-lettered); intake being
 * down delays tagging but never dead-letters; a sealed text that does not open is dead-lettered still sealed.
 */
@QuarkusTest
class SealedTextFlowTest {

    private static final String PHONE = "13857162394";

    @Inject
    EventTexts texts;

    private static String bootstrap() {
        return KafkaBrokerTestResource.broker().bootstrapServers();
    }

    private static void send(UUID suggestion, String sealed) {
        String body = """
                {"suggestionId":"%s","stationId":"st-xiaoshan-01","stationDistrict":"xiaoshan","channel":"station",
                 "sealedText":"%s","submittedAt":"2026-11-20T01:30:00Z","receivedAt":"2026-11-20T01:31:00Z"}
                """.formatted(suggestion, sealed);
        TopicProbe.send(bootstrap(), Topics.SUGGESTIONS_SUBMITTED, suggestion.toString(), body,
                TopicProbe.cloudEventHeaders(UUID.randomUUID(), EventTypes.SUGGESTION_SUBMITTED,
                EventTypes.SOURCE_INTAKE));
    }

    private static UUID sealedSuggestion(String text, boolean keyKept) {
        UUID id = UUID.randomUUID();
        byte[] key = SealedText.newKey();
        if (keyKept) {
            TextKeyServerTestResource.put(id, key);
        }
        send(id, SealedText.seal(key, id, text));
        return id;
    }

    @Test
    void aSealedTextIsOpenedWithItsKeyFromIntakeTaggedAndPublishedRedacted() {
        TextKeyServerTestResource.failNext(3);
        int before = TextKeyServerTestResource.requests();
        UUID id = sealedSuggestion("富阳区银湖科技城地铁站出口共享单车乱停放，建议划定停放区并定时清运。联系电话 " + PHONE, true);
        try (TopicProbe tagged = TopicProbe.of(bootstrap(), Topics.SUGGESTIONS_TAGGED)) {
            ConsumerRecord<String, String> record = tagged.awaitKey(id.toString(), Duration.ofSeconds(90))
                    .orElseThrow();
            assertTrue(record.value().contains("共享单车") && record.value().contains("[电话]"), record.value());
            assertFalse(record.value().contains(PHONE));
        }
        assertTrue(TextKeyServerTestResource.requests() - before >= 4, "three 503s were retried, not dead-lettered");
    }

    @Test
    void aBatchsKeysComeInOneRequestWhenTheFirstSealedTextNeedsOneAndAnErasedOneIsLeftOut() {
        Map<UUID, String> sealed = new java.util.LinkedHashMap<>();
        UUID erased = UUID.randomUUID();
        for (int i = 0; i < 5; i++) {
            UUID id = UUID.randomUUID();
            byte[] key = SealedText.newKey();
            TextKeyServerTestResource.put(id, key);
            sealed.put(id, SealedText.seal(key, id, "第" + i + "条：富阳区公交线路加密建议"));
        }
        int requests = TextKeyServerTestResource.requests();
        int lookups = TextKeyServerTestResource.lookups();
        List<UUID> batch = new java.util.ArrayList<>(sealed.keySet());
        batch.add(erased);

        EventTexts.Batch keys = texts.forBatch(batch);
        assertEquals(Optional.of("plain"), keys.open(sealed.keySet().iterator().next(), "plain", null));
        assertEquals(0, TextKeyServerTestResource.requests() - requests, "a plain text needs no key");

        int i = 0;
        for (Map.Entry<UUID, String> e : sealed.entrySet()) {
            assertEquals(Optional.of("第" + i++ + "条：富阳区公交线路加密建议"), keys.open(e.getKey(), null, e.getValue()));
        }
        assertEquals(Optional.empty(), keys.open(erased, null, "sealed text of an erased suggestion"));
        assertEquals(1, TextKeyServerTestResource.requests() - requests, "one request for the whole batch");
        assertEquals(1, TextKeyServerTestResource.lookups() - lookups);

        UUID outside = UUID.randomUUID();
        byte[] key = SealedText.newKey();
        TextKeyServerTestResource.put(outside, key);
        assertEquals(Optional.of("建德市老年食堂建议"), keys.open(outside, null, SealedText.seal(key, outside,
                "建德市老年食堂建议")));
        assertEquals(2, TextKeyServerTestResource.requests() - requests, "a suggestion outside the batch asked alone");
    }

    @Test
    void anErasedSuggestionsEventIsSkippedAndNotDeadLettered() {
        UUID erased = sealedSuggestion("临安区天目山景区游客中心新能源汽车充电桩不够用，电话 " + PHONE, false);
        UUID next = sealedSuggestion("建德市新安江街道老年食堂午餐供应时间太短，希望延长", true);
        try (TopicProbe tagged = TopicProbe.of(bootstrap(), Topics.SUGGESTIONS_TAGGED);
                TopicProbe dlq = TopicProbe.of(bootstrap(), Topics.TAGGING_DEAD_LETTER)) {
            tagged.awaitKey(next.toString(), Duration.ofSeconds(90)).orElseThrow();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!TextKeyServerTestResource.asked(erased) && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertTrue(TextKeyServerTestResource.asked(erased), "tagging asked intake for the erased suggestion's key");
            assertTrue(tagged.await(r -> erased.toString().equals(r.key()), Duration.ofSeconds(5)).isEmpty());
            assertTrue(tagged.seen().stream().noneMatch(r -> erased.toString().equals(r.key())),
                    "nothing published for it");
            assertTrue(dlq.await(r -> erased.toString().equals(r.key()), Duration.ofSeconds(3)).isEmpty(),
                    "not poison either");
        }
    }

    @Test
    void aSealedTextThatDoesNotOpenIsDeadLetteredStillSealed() {
        UUID id = UUID.randomUUID();
        TextKeyServerTestResource.put(id, SealedText.newKey());
        String sealed = SealedText.seal(SealedText.newKey(), id, "桐庐县瑶琳镇农贸市场公共厕所卫生差，电话 " + PHONE);
        send(id, sealed);
        try (TopicProbe dlq = TopicProbe.of(bootstrap(), Topics.TAGGING_DEAD_LETTER)) {
            ConsumerRecord<String, String> dead = dlq.awaitKey(id.toString(), Duration.ofSeconds(90)).orElseThrow();
            assertTrue(dead.value().contains(sealed));
            assertFalse(dead.value().contains(PHONE) || dead.value().contains("农贸市场"), "no plaintext in the DLQ");
            assertTrue(TopicProbe.header(dead, "dead-letter-reason").contains("does not open"),
                    TopicProbe.header(dead, "dead-letter-reason"));
        }
    }
}
