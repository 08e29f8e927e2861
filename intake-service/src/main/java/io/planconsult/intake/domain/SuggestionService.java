package io.planconsult.intake.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jboss.logging.Logger;

import io.planconsult.contract.EventTypes;
import io.planconsult.contract.SuggestionSubmitted;
import io.planconsult.contract.Topics;
import io.planconsult.intake.outbox.Outbox;
import io.planconsult.intake.outbox.OutboxEvent;
import io.planconsult.intake.outbox.OutboxPublished;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/** Accepts suggestions into the system of record and tracks how far each has got. */
@ApplicationScoped
public class SuggestionService {

    private static final Logger LOG = Logger.getLogger(SuggestionService.class);

    private final StationRegistry stations;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final PersonalData personalData;
    private final TextSealing sealing;
    private final Clock clock;

    SuggestionService(StationRegistry stations, Outbox outbox, AuditTrail audit, PersonalData personalData,
            TextSealing sealing) {
        this.sealing = sealing;
        this.stations = stations;
        this.outbox = outbox;
        this.audit = audit;
        this.personalData = personalData;
        this.clock = Clock.systemUTC();
    }

    /**
     * Stores a suggestion, its submitter's contact details and its submitted event in one transaction.
     *
     * @throws InvalidSubmissionException when a field breaks a rule; nothing is stored then
     */
    @Transactional
    public Suggestion submit(NewSuggestion request, Actor actor) {
        Instant now = clock.instant();
        List<FieldError> errors = new ArrayList<>(SubmissionRules.check(request, now));
        Optional<Station> station = stations.find(request.stationId());
        if (station.isEmpty() && errors.stream().noneMatch(e -> e.field().equals("stationId"))) {
            errors.add(new FieldError("stationId", "no station with this id"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidSubmissionException(errors);
        }

        Suggestion suggestion = new Suggestion();
        suggestion.id = UUID.randomUUID();
        suggestion.stationId = station.get().id;
        suggestion.channel = request.channel();
        suggestion.text = request.text();
        suggestion.submittedAt = request.submittedAt() != null ? request.submittedAt() : now;
        suggestion.receivedAt = now;
        suggestion.status = SuggestionStatus.RECEIVED;
        suggestion.updatedAt = now;
        suggestion.persist();

        if (request.submitter() != null && (request.submitter().name() != null || request.submitter()
                .phone() != null)) {
            SubmitterContact contact = new SubmitterContact();
            contact.suggestionId = suggestion.id;
            contact.name = request.submitter().name();
            contact.phone = request.submitter().phone();
            contact.persist();
        }

        // The raw text goes on the internal topic sealed with the suggestion's own key (crypto-shredding on erasure).
        SuggestionSubmitted event = new SuggestionSubmitted(suggestion.id, suggestion.stationId, station.get().district,
                suggestion.channel, null, suggestion.submittedAt, suggestion.receivedAt,
                sealing.seal(suggestion.id, suggestion.text, now));
        OutboxEvent queued = outbox.add(Topics.SUGGESTIONS_SUBMITTED, suggestion.id.toString(),
                EventTypes.SUGGESTION_SUBMITTED, event, now);
        audit.record(suggestion.id, actor, AuditTrail.SUBMITTED, List.of(), "revision=0", now);
        LOG.infof("suggestion received id=%s station=%s channel=%s event=%s", suggestion.id, suggestion.stationId,
                suggestion.channel, queued.eventId);
        return suggestion;
    }

    public Optional<Suggestion> find(UUID id) {
        return Optional.ofNullable(Suggestion.findById(id));
    }

    /**
     * Runs in the relay's transaction: a suggestion whose submitted or amended event Kafka acknowledged is PUBLISHED.
     */
    void onPublished(@Observes OutboxPublished published) {
        List<UUID> ids = published.events().stream()
                .filter(e -> EventTypes.SUGGESTION_SUBMITTED.equals(e.eventType)
                || EventTypes.SUGGESTION_AMENDED.equals(e.eventType))
                .map(e -> UUID.fromString(e.messageKey))
                .toList();
        if (!ids.isEmpty()) {
            Suggestion.update("status = ?1, updatedAt = ?2 where id in ?3 and status = ?4",
                    SuggestionStatus.PUBLISHED, clock.instant(), ids, SuggestionStatus.RECEIVED);
        }
    }

    /** One tagged event as intake keeps it: the status, primary topic and redacted text of one revision. */
    public record Tagging(UUID suggestionId, int revision, String primaryTopic, String redactedText) {
    }

    /**
     * The tagging service has tagged suggestions (one consumer batch, one transaction): record each one's primary topic
     * and redacted text, in order. A tagging of an older revision than the stored one changes nothing (the amended
     * text is being tagged). A withdrawn suggestion stays WITHDRAWN but keeps the redacted text, so that an erasure
     * asked for before tagging completes now. The rows are locked in id order, so two batches cannot deadlock.
     *
     * @return how many taggings updated a suggestion (the others are not from this intake, or stale)
     */
    @Transactional
    public int markAllTagged(List<Tagging> taggings) {
        List<UUID> ids = taggings.stream().map(Tagging::suggestionId).distinct().sorted().toList();
        Map<UUID, Suggestion> locked = new HashMap<>();
        Suggestion.<Suggestion>find("id in ?1 order by id", ids).withLock(LockModeType.PESSIMISTIC_WRITE).list()
                .forEach(s -> locked.put(s.id, s));
        Instant now = clock.instant();
        int updated = 0;
        for (Tagging t : taggings) {
            Suggestion s = locked.get(t.suggestionId());
            if (s == null || t.revision() < s.revision) {
                continue;
            }
            if (s.status != SuggestionStatus.WITHDRAWN) {
                s.status = SuggestionStatus.TAGGED;
                s.primaryTopic = t.primaryTopic();
            }
            s.redactedText = t.redactedText();
            s.updatedAt = now;
            personalData.completePendingErasure(s, now);
            updated++;
        }
        return updated;
    }
}
