package org.peerpay.system;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.annotation.Value;
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

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(PeerPayProperties properties) {
        return EmbeddedPostgres.open(properties.dataDir());
    }

    /** The application's connections: as {@value EmbeddedPostgres#APPLICATION_ROLE}, which owns nothing (see V4). */
    @Bean(destroyMethod = "close")
    @Primary
    DataSource dataSource(EmbeddedPostgres postgres,
                          @Value("${spring.datasource.hikari.connection-init-sql:}") String connectionInitSql) {
        HikariDataSource pool = pool(postgres, postgres.application(), 10, "peerpay-embedded");
        if (!connectionInitSql.isBlank()) {
            pool.setConnectionInitSql(connectionInitSql);
        }
        return pool;
    }

    /** Flyway's connection: as the owner of the schema. */
    @Bean(destroyMethod = "close")
    @FlywayDataSource
    DataSource ownerDataSource(EmbeddedPostgres postgres) {
        return pool(postgres, postgres.owner(), 2, "peerpay-owner");
    }

    /** A pool that is closed once the server is gone, so that each request for a connection fails at once. */
    private static HikariDataSource pool(EmbeddedPostgres postgres, EmbeddedPostgres.Login login, int size,
                                         String name) {
        HikariDataSource dataSource = new HikariDataSource();
        postgres.onUnexpectedExit(dataSource::close);
        // The server is on this machine and serves this process alone: a connection that takes longer than this
        // is not coming (a request already waiting when the server died waits this long, not Hikari's 30 s).
        dataSource.setConnectionTimeout(java.time.Duration.ofSeconds(10).toMillis());
        // Connections are opened as work needs them and closed after a minute idle: a command, the web application
        // and every test context of a test run share the server's 100 connections.
        dataSource.setMinimumIdle(1);
        dataSource.setIdleTimeout(java.time.Duration.ofMinutes(1).toMillis());
        dataSource.setJdbcUrl(postgres.jdbcUrl());
        dataSource.setUsername(login.user());
        dataSource.setPassword(login.password());
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
