#!/usr/bin/env python3
"""Writes holiday_dates.tsv: the lunar and lunisolar holidays news names, 1980-2035.

The Hebrew calendar is arithmetic, so Hanukkah is exact. The others are computed from the
new moon (J. Meeus, Astronomical Algorithms, ch. 49; a few minutes' accuracy) and the rule each
calendar follows; an observed date can differ by a day where a sighting or a local almanac
decides (Ramadan and Eid by country, Diwali by region):
  lunar_new_year  the new moon (Beijing time) from January 21 to February 20.
  diwali          the new moon (India time) while the Sun is in sidereal Libra (about October
                  17 to November 16): the day whose evening falls in the last lunar day
                  (amavasya), i.e. the new moon's day when it comes after 18:00, else the day
                  before.
  ramadan, eid al-fitr, eid al-adha  Islamic months start the day after the new moon (Mecca
                  time) when it comes before 14:00, else two days after (Umm al-Qura in
                  practice); the months are found from the tabular Islamic calendar.
Usage: python3 holiday_dates.py > holiday_dates.tsv
"""
import datetime
import math

FIRST, LAST = 1980, 2035


def new_moon_jde(k):
    t = k / 1236.85
    jde = (2451550.09766 + 29.530588861 * k + 0.00015437 * t * t - 0.000000150 * t ** 3
           + 0.00000000073 * t ** 4)
    e = 1 - 0.002516 * t - 0.0000074 * t * t
    r = math.radians
    m = r(2.5534 + 29.10535670 * k - 0.0000014 * t * t)
    mp = r(201.5643 + 385.81693528 * k + 0.0107582 * t * t + 0.00001238 * t ** 3)
    f = r(160.7108 + 390.67050284 * k - 0.0016118 * t * t)
    om = r(124.7746 - 1.56375588 * k + 0.0020672 * t * t)
    c = (-0.40720 * math.sin(mp) + 0.17241 * e * math.sin(m) + 0.01608 * math.sin(2 * mp)
         + 0.01039 * math.sin(2 * f) + 0.00739 * e * math.sin(mp - m)
         - 0.00514 * e * math.sin(mp + m) + 0.00208 * e * e * math.sin(2 * m)
         - 0.00111 * math.sin(mp - 2 * f) - 0.00057 * math.sin(mp + 2 * f)
         + 0.00056 * e * math.sin(2 * mp + m) - 0.00042 * math.sin(3 * mp)
         + 0.00042 * e * math.sin(m + 2 * f) + 0.00038 * e * math.sin(m - 2 * f)
         - 0.00024 * e * math.sin(2 * mp - m) - 0.00017 * math.sin(om)
         - 0.00007 * math.sin(mp + 2 * m) + 0.00004 * math.sin(2 * mp - 2 * f)
         + 0.00004 * math.sin(3 * m) + 0.00003 * math.sin(mp + m - 2 * f)
         + 0.00003 * math.sin(2 * mp + 2 * f) - 0.00003 * math.sin(mp + m + 2 * f)
         + 0.00003 * math.sin(mp - m + 2 * f) - 0.00002 * math.sin(mp - m - 2 * f)
         - 0.00002 * math.sin(3 * mp + m) + 0.00002 * math.sin(4 * mp))
    return jde + c


def jd_to_datetime(jd):
    # JD 2440587.5 = 1970-01-01T00:00 UTC (TT taken as UTC: a minute off).
    return datetime.datetime(1970, 1, 1) + datetime.timedelta(days=jd - 2440587.5)


def new_moons(year):
    """New moons (UTC datetimes) from about a month before `year` to a month after."""
    k0 = math.floor((year - 2000) * 12.3685) - 2
    return [jd_to_datetime(new_moon_jde(k)) for k in range(k0, k0 + 16)]


def lunar_new_year(year):
    for nm in new_moons(year):
        local = (nm + datetime.timedelta(hours=8)).date()
        if datetime.date(year, 1, 21) <= local <= datetime.date(year, 2, 20):
            return local, 1
    raise ValueError(year)


def diwali(year):
    for nm in new_moons(year):
        local = nm + datetime.timedelta(hours=5, minutes=30)
        if datetime.datetime(year, 10, 17, 12) <= local < datetime.datetime(year, 11, 16, 12):
            day = local.date()
            if local.hour < 18:
                day -= datetime.timedelta(days=1)
            return day, 1
    raise ValueError(year)


def tabular_islamic_to_date(hyear, hmonth, hday):
    # Civil tabular calendar, epoch 16 July 622 (Julian) = RD 227015.
    rd = (227014 + hday + math.ceil(29.5 * (hmonth - 1)) + (hyear - 1) * 354
          + (3 + 11 * hyear) // 30)
    return datetime.date.fromordinal(rd)


def islamic_month_start(hyear, hmonth):
    """The first day of an Islamic month: the tabular day snapped to the new moon rule."""
    approx = tabular_islamic_to_date(hyear, hmonth, 1)
    best = None
    for nm in new_moons(approx.year) + new_moons(approx.year + 1):
        mecca = nm + datetime.timedelta(hours=3)
        start = mecca.date() + datetime.timedelta(days=1 if mecca.hour < 14 else 2)
        if best is None or abs((start - approx).days) < abs((best - approx).days):
            best = start
    return best


def islamic_holidays():
    rows = []
    for hyear in range(1399, 1460):
        ramadan = islamic_month_start(hyear, 9)
        shawwal = islamic_month_start(hyear, 10)
        hijja = islamic_month_start(hyear, 12)
        rows.append(("ramadan", ramadan, (shawwal - ramadan).days))
        rows.append(("eid_al_fitr", shawwal, 1))
        rows.append(("eid_al_adha", hijja + datetime.timedelta(days=9), 1))
    return rows


def hebrew_leap(y):
    return (7 * y + 1) % 19 < 7


def hebrew_elapsed(y):
    months = (235 * y - 234) // 19
    parts = 12084 + 13753 * months
    day = 29 * months + parts // 25920
    if (3 * (day + 1)) % 7 < 3:
        day += 1
    return day


def hebrew_new_year(y):
    ny0, ny1, ny2 = hebrew_elapsed(y - 1), hebrew_elapsed(y), hebrew_elapsed(y + 1)
    correction = 2 if ny2 - ny1 == 356 else (1 if ny1 - ny0 == 382 else 0)
    return -1373427 + ny1 + correction  # RD of 1 Tishri


def hanukkah(year):
    """25 Kislev falling in December or late November of `year`: eight days."""
    hyear = year + 3761
    new_year = hebrew_new_year(hyear)
    length = hebrew_new_year(hyear + 1) - new_year
    heshvan = 30 if length in (355, 385) else 29
    rd = new_year + 30 + heshvan + 24
    # RD 1 is January 1 of year 1: Python's ordinal.
    return datetime.date.fromordinal(rd), 8


def main():
    print("# Lunar and lunisolar holidays, %d-%d: name<TAB>first day<TAB>days." % (FIRST, LAST))
    print("# Generated by holiday_dates.py (the rules are in its docstring); fixed-date and")
    print("# computed Western holidays (Easter, Thanksgiving …) are rules in normalize/dates.cc.")
    rows = []
    for year in range(FIRST, LAST + 1):
        rows.append(("lunar_new_year",) + lunar_new_year(year))
        rows.append(("diwali",) + diwali(year))
        rows.append(("hanukkah",) + hanukkah(year))
    rows += [r for r in islamic_holidays() if FIRST <= r[1].year <= LAST]
    rows.sort(key=lambda r: (r[0], r[1]))
    for name, day, days in rows:
        print("%s\t%s\t%d" % (name, day.isoformat(), days))


if __name__ == "__main__":
    main()
