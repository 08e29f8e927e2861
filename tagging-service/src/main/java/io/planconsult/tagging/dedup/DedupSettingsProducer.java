package io.planconsult.tagging.dedup;

import java.util.Optional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.planconsult.tagging.dedup.DedupSettings;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Near-duplicate settings: the versioned data file (tagging/dedup.json), with the thresholds and the candidate
 * bound overridable in configuration. A changed value applies to suggestions tagged from then on. Every instance
 * of one campaign must run with the same values, or which cluster a suggestion joins depends on the instance.
 */
public class DedupSettingsProducer {

    @Produces
    @Singleton
    DedupSettings settings(@ConfigProperty(name = "tagging.dedup.threshold") Optional<Double> threshold,
            @ConfigProperty(name = "tagging.dedup.everyday-threshold") Optional<Double> everydayThreshold,
            @ConfigProperty(name = "tagging.dedup.max-candidates") Optional<Integer> maxCandidates) {
        DedupSettings data = DedupSettings.loadDefault();
        return data.withThresholds(threshold.orElse(data.threshold()),
                everydayThreshold.orElse(data.everydayThreshold()))
                .withMaxCandidates(maxCandidates.orElse(data.maxCandidates()));
    }
}
