package io.planconsult.tagging.pipeline;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.planconsult.tagging.pipeline.TaggingEngine;
import io.planconsult.tagging.topics.TopicSettings;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** One engine per service: it is immutable and thread-safe, and loading its data takes a moment. */
public class EngineProducer {

    private static final Logger LOG = Logger.getLogger(EngineProducer.class);

    @Produces
    @Singleton
    TaggingEngine engine(@ConfigProperty(name = "tagging.review.min-score") double reviewMinScore,
            @ConfigProperty(name = "tagging.review.margin") double reviewMargin) {
        TaggingEngine engine = TaggingEngine.load(TopicSettings.defaults().withReview(reviewMinScore, reviewMargin));
        LOG.infof("tagging engine loaded: model %s, taxonomy %s, review below %.2f or within %.2f",
                engine.modelVersion(), engine.taxonomyVersion(), reviewMinScore, reviewMargin);
        return engine;
    }
}
