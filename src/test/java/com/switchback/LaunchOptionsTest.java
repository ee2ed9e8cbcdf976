package com.switchback;

import static org.assertj.core.api.Assertions.assertThat;

import com.switchback.e2e.RunningJar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The console runs with the same JVM options wherever it is started: the Dockerfile, the README's
 * commands, `mvn spring-boot:run`, and the packaged jar the browser tests and benchmarks start (so
 * they measure what is deployed). docs/decisions/DD022-string-deduplication.md.
 */
class LaunchOptionsTest {

    @Test
    void everyWayOfStartingTheConsoleUsesTheDockerfilesOptions() throws Exception {
        String dockerfile = Files.readString(Path.of("Dockerfile"));
        var entrypoint = Pattern.compile("(?m)^ENTRYPOINT (.*)$").matcher(dockerfile);
        assertThat(entrypoint.find()).as("the Dockerfile's ENTRYPOINT").isTrue();
        String pom = Files.readString(Path.of("pom.xml"));
        String readme = Files.readString(Path.of("README.md"));
        assertThat(RunningJar.JVM_OPTIONS).isNotEmpty();
        for (String option : RunningJar.JVM_OPTIONS) {
            assertThat(entrypoint.group(1)).as("Dockerfile").contains("\"" + option + "\"");
            assertThat(pom).as("spring-boot:run").contains("<jvmArguments>" + option + "</jvmArguments>");
            readme.lines().filter(l -> l.startsWith("java ") && l.contains("-jar"))
                    .forEach(l -> assertThat(l).as("README: " + l).contains(option));
        }
        assertThat(readme.lines().filter(l -> l.startsWith("java ") && l.contains("-jar"))).as("README's java -jar lines")
                .isNotEmpty();
    }
}
