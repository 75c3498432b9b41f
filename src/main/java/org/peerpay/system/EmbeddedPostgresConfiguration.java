package org.peerpay.system;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * With no {@code spring.datasource.url} (env {@code SPRING_DATASOURCE_URL}) PeerPay runs its own PostgreSQL under
 * the data directory; with one, Boot's ordinary data source is used and nothing here is created.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedPostgresConfiguration.NoDataSourceUrl.class)
class EmbeddedPostgresConfiguration {

    static final String APPLICATION_ROLE = "peerpay_app";

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(PeerPayProperties properties) {
        return EmbeddedPostgres.open(properties.dataDir());
    }

    /** The application's connections: as {@value #APPLICATION_ROLE}, which owns nothing (see V4). */
    @Bean(destroyMethod = "close")
    @Primary
    DataSource dataSource(EmbeddedPostgres postgres) {
        return pool(postgres, APPLICATION_ROLE, 10, "peerpay-embedded");
    }

    /** Flyway's connection: as the owner of the schema. */
    @Bean(destroyMethod = "close")
    @FlywayDataSource
    DataSource ownerDataSource(EmbeddedPostgres postgres) {
        return pool(postgres, postgres.username(), 2, "peerpay-owner");
    }

    private static HikariDataSource pool(EmbeddedPostgres postgres, String user, int size, String name) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.jdbcUrl());
        dataSource.setUsername(user);
        dataSource.setMaximumPoolSize(size);
        dataSource.setPoolName(name);
        return dataSource;
    }

    static class NoDataSourceUrl implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String url = context.getEnvironment().getProperty("spring.datasource.url");
            return url == null || url.isBlank();
        }
    }
}
