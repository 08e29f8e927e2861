package io.planconsult.reporting;

import io.planconsult.infra.testing.JwtKeysTestResource;
import io.planconsult.infra.testing.KafkaBrokerTestResource;
import io.planconsult.infra.testing.PostgresSchemaTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/**
 * Every @QuarkusTest of this module runs against a real broker and a fresh PostgreSQL schema, and verifies tokens
 * with the key pair generated for this test run.
 */
@QuarkusTestResource(JwtKeysTestResource.class)
@QuarkusTestResource(KafkaBrokerTestResource.class)
@QuarkusTestResource(value = PostgresSchemaTestResource.class,
        initArgs = @ResourceArg(name = "prefix", value = "reporting"))
public class ReportingTestResources {
}
