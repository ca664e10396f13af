package fr.maillage.opendata.sources;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TimeZone;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.scheduling.support.CronTrigger;

/**
 * Runs a source on its schedule: {@code maillage.sources.<nom>.planification} is a cron
 * expression (seconds first, Paris time, e.g. {@code 0 0 3 * * *} every night at 3) and
 * {@code maillage.sources.<nom>.chemin} the file it reads. Several instances may run the
 * same schedule: runs wait for one another (directory lock) and a run of an unchanged
 * file changes nothing, so the second one only confirms.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SourceSchedule implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(SourceSchedule.class);

	static final String PARIS = "Europe/Paris";

	private final SourceConnectors connectors;

	private final Environment environment;

	SourceSchedule(SourceConnectors connectors, Environment environment) {
		this.connectors = connectors;
		this.environment = environment;
	}

	/** A source to run on a schedule. */
	record Planned(String source, String cron) {
	}

	/**
	 * The sources with a schedule, read from the settings.
	 * @throws IllegalStateException when a schedule is not a valid cron expression or its
	 * source has no configured file, so that a wrong setting stops the start-up instead
	 * of silently never running
	 */
	static List<Planned> plan(List<String> sources, Function<String, String> setting) {
		List<Planned> planned = new ArrayList<>();
		for (String source : sources) {
			String prefix = "maillage.sources." + source;
			String cron = Objects.requireNonNullElse(setting.apply(prefix + ".planification"), "").strip();
			if (cron.isEmpty()) {
				continue;
			}
			if (!CronExpression.isValidExpression(cron)) {
				throw new IllegalStateException(prefix + ".planification: '" + cron
						+ "' is not a cron expression (six fields, seconds first, e.g. '0 0 3 * * *')");
			}
			if (Objects.requireNonNullElse(setting.apply(prefix + ".chemin"), "").isBlank()) {
				throw new IllegalStateException(prefix + ".planification is set but " + prefix + ".chemin is not");
			}
			planned.add(new Planned(source, cron));
		}
		return planned;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		List<String> sources = connectors.listSources().stream().map(SourceMapping::name).toList();
		for (Planned planned : plan(sources, environment::getProperty)) {
			log.info("Source '{}' runs on schedule '{}' ({})", planned.source(), planned.cron(), PARIS);
			registrar.addTriggerTask(() -> runQuietly(planned.source()),
					new CronTrigger(planned.cron(), TimeZone.getTimeZone(PARIS)));
		}
	}

	/** A failed scheduled run is recorded with its reason (runs API) and logged. */
	private void runQuietly(String source) {
		try {
			connectors.run(source, null, null, "planifie");
		}
		catch (RuntimeException failed) {
			log.warn("Scheduled run of source '{}' failed: {}", source, failed.getMessage());
		}
	}

}
