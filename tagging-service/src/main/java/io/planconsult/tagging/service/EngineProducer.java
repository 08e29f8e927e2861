package io.planconsult.tagging.service;

import org.jboss.logging.Logger;

import io.planconsult.tagging.pipeline.TaggingEngine;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** One engine per service: it is immutable and thread-safe, and loading its data takes a moment. */
public class EngineProducer {

    private static final Logger LOG = Logger.getLogger(EngineProducer.class);

    @Produces
    @Singleton
    TaggingEngine engine() {
        TaggingEngine engine = TaggingEngine.loadDefault();
        LOG.infof("tagging engine loaded: model %s, taxonomy %s", engine.modelVersion(), engine.taxonomyVersion());
        return engine;
    }
}
