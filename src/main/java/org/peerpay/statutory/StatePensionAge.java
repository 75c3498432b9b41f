package org.peerpay.statutory;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The date someone reaches State Pension age, by date of birth, under the Pensions Acts 2007, 2011 and 2014: 66
 * for those born before 6 April 1960; rising month by month to 67 for those born from 6 April 1960 to 5 March 1961
 * (so from May 2026 the age passes 66); 67 for those born from 6 March 1961 to 5 April 1977; a date from 6 May
 * 2044 to 6 March 2046 for those born in the year from 6 April 1977; 68 for those born from 6 April 1978.
 *
 * <p>Everyone born before 6 April 1960 (whose age was 65, or phased to 66) had reached it by April 2026, so they
 * are all simply past it here.
 */
public final class StatePensionAge {

    private static final LocalDate RISE_TO_67_FROM = LocalDate.of(1960, 4, 6);
    private static final LocalDate AGE_67_FROM = LocalDate.of(1961, 3, 6);
    private static final LocalDate RISE_TO_68_FROM = LocalDate.of(1977, 4, 6);
    private static final LocalDate AGE_68_FROM = LocalDate.of(1978, 4, 6);
    private static final LocalDate FIRST_PHASED_68_DATE = LocalDate.of(2044, 5, 6);

    private StatePensionAge() {
    }

    public static LocalDate reachedOn(LocalDate dateOfBirth) {
        if (dateOfBirth.isBefore(RISE_TO_67_FROM)) {
            return dateOfBirth.plusYears(66);
        }
        if (dateOfBirth.isBefore(AGE_67_FROM)) {
            // born 6 April to 5 May 1960: 66 and 1 month; each later month of birth one month more
            long months = ChronoUnit.MONTHS.between(RISE_TO_67_FROM, dateOfBirth) + 1;
            return dateOfBirth.plusYears(66).plusMonths(months);
        }
        if (dateOfBirth.isBefore(RISE_TO_68_FROM)) {
            return dateOfBirth.plusYears(67);
        }
        if (dateOfBirth.isBefore(AGE_68_FROM)) {
            // Pensions Act 2007, Schedule 3: born 6 April to 5 May 1977, 6 May 2044; each later month two more
            long months = ChronoUnit.MONTHS.between(RISE_TO_68_FROM, dateOfBirth);
            return FIRST_PHASED_68_DATE.plusMonths(2 * months);
        }
        return dateOfBirth.plusYears(68);
    }
}
