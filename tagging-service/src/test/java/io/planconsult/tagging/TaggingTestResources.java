package io.planconsult.tagging;

import io.planconsult.infra.testing.JwtKeysTestResource;
import io.planconsult.infra.testing.KafkaBrokerTestResource;
import io.planconsult.infra.testing.PostgresSchemaTestResource;
import io.planconsult.tagging.keys.TextKeyServerTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/**
 * Every @QuarkusTest of this module runs against a real broker and a fresh PostgreSQL schema, and verifies tokens
 * with the key pair generated for this test run.
 */
@QuarkusTestResource(JwtKeysTestResource.class)
@QuarkusTestResource(KafkaBrokerTestResource.class)
@QuarkusTestResource(TextKeyServerTestResource.class)
@QuarkusTestResource(value = PostgresSchemaTestResource.class,
        initArgs = @ResourceArg(name = "prefix", value = "tagging"))
public class TaggingTestResources {
}
