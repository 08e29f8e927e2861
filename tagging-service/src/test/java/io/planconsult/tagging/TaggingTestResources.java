package io.planconsult.tagging;

import io.planconsult.infra.testing.KafkaBrokerTestResource;
import io.quarkus.test.common.QuarkusTestResource;

/** Every @QuarkusTest of this module runs against a real broker. */
@QuarkusTestResource(KafkaBrokerTestResource.class)
public class TaggingTestResources {
}
