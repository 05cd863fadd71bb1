package dev.syncline.catalog.tenant;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import dev.syncline.commons.problem.InvalidRequestException;

import java.time.ZonedDateTime;
import java.util.Optional;

/** Unix cron expressions as tenants' schedules use them; "off" means never. */
public final class CronSchedules {

    public static final String OFF = "off";
    private static final CronParser UNIX = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

    private CronSchedules() {
    }

    /** The expression if it is "off" or a valid Unix cron; a 400 naming the field otherwise. */
    public static String checked(String field, String expression) {
        if (expression == null || expression.isBlank() || OFF.equalsIgnoreCase(expression.trim())) {
            return expression == null || expression.isBlank() ? null : OFF;
        }
        try {
            UNIX.parse(expression.trim()).validate();
            return expression.trim();
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(field, field + " must be a Unix cron expression (5 fields, e.g. */15 * * * *) or \"off\", was '"
                    + expression + "': " + e.getMessage());
        }
    }

    /** Whether the schedule fires in the minute of {@code at}. */
    public static boolean firesAt(String expression, ZonedDateTime at) {
        return !OFF.equals(expression) && ExecutionTime.forCron(UNIX.parse(expression)).isMatch(at.withSecond(0).withNano(0));
    }

    public static Optional<ZonedDateTime> nextFire(String expression, ZonedDateTime after) {
        return OFF.equals(expression) ? Optional.empty() : ExecutionTime.forCron(UNIX.parse(expression)).nextExecution(after);
    }
}
