package io.planconsult.tagging.messaging;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

import io.planconsult.contract.EventIds;
import io.planconsult.contract.SuggestionAmended;
import io.planconsult.contract.SuggestionSubmitted;
import io.planconsult.contract.SuggestionTagged;
import io.planconsult.tagging.dedup.DedupIndex;
import io.planconsult.tagging.pipeline.Enrichment;
import io.planconsult.tagging.pii.PiiSpan;
import io.planconsult.tagging.pii.PublishCheck;

/** Builds the public tagged event: only redacted text and derived facts cross over from the submitted one. */
public final class TaggedEventMapper {

    private TaggedEventMapper() {
    }

    /** @param cluster where the near-duplicate index put this suggestion */
    public static SuggestionTagged of(UUID sourceEventId, SuggestionSubmitted submitted, Enrichment e,
            DedupIndex.Assignment cluster) {
        return of(sourceEventId, submitted, e, cluster, 0);
    }

    /**
     * The tagging of an amended text: the amendment carries the suggestion's whole current state, so it is
     * tagged like a submission of that state, under the amendment's revision.
     */
    public static SuggestionTagged ofAmendment(UUID sourceEventId, SuggestionAmended amended, Enrichment e,
            DedupIndex.Assignment cluster) {
        SuggestionSubmitted state = new SuggestionSubmitted(amended.suggestionId(), amended.stationId(),
                amended.stationDistrict(),
                amended.channel(), amended.text(), amended.submittedAt(), amended.amendedAt());
        return of(sourceEventId, state, e, cluster, amended.revision());
    }

    private static SuggestionTagged of(UUID sourceEventId, SuggestionSubmitted submitted, Enrichment e,
            DedupIndex.Assignment cluster,
            int revision) {
        UUID first = UUID.fromString(cluster.clusterId());
        List<SuggestionTagged.TopicScore> topics = e.topics().stream()
                .map(t -> new SuggestionTagged.TopicScore(t.code(), t.score()))
                .toList();
        List<String> piiTypes = List.copyOf(new LinkedHashSet<>(e.pii().stream().map(PiiSpan::type).toList()));
        // The last line before the public topic: independent of the detectors that made the redacted text.
        PublishCheck checked = PublishCheck.of(e.redactedText(), e.keywords(), e.reviewReasons());
        return new SuggestionTagged(submitted.suggestionId(), sourceEventId, submitted.stationId(),
                submitted.stationDistrict(),
                submitted.channel(), submitted.submittedAt(), e.primaryTopic(), topics, e.labels(), e.district(),
                checked.text(), piiTypes, e.modelVersion(), e.taxonomyVersion(), e.needsReview() || checked.residual(),
                checked.keywords(), EventIds.cluster(first), first, revision, checked.reviewReasons(),
                points(e, EventIds.cluster(first)), e.language());
    }

    /** Each point's keywords pass the same last check as the suggestion's; its offsets are into the checked text. */
    private static List<SuggestionTagged.Point> points(Enrichment e, UUID clusterId) {
        return e.points().stream().map(p -> new SuggestionTagged.Point(p.start(), p.end(), p.primaryTopic(), p.labels(),
                p.district(), PublishCheck.of("", p.keywords(), List.of()).keywords(), clusterId)).toList();
    }
}
