"""The meeting header: title, subtitle, date, times and place."""
from __future__ import annotations

from conftest import parse_html, parse_md


def meeting(text: str) -> dict:
    return parse_md(text).to_dict()["meeting"]


# -- title and subtitle ---------------------------------------------------------------
def test_first_heading_is_the_title():
    assert meeting("""
        # Finance Committee

        Some text.
    """)["title"] == "Finance Committee"


def test_heading_after_the_title_is_the_subtitle():
    m = meeting("""
        ## Domestic Violence Delivery Group

        ### Market Development Session

        20th January 2015
    """)
    assert (m["title"], m["subtitle"]) == ("Domestic Violence Delivery Group", "Market Development Session")


def test_bold_line_is_the_title_when_there_is_no_heading():
    assert meeting("""
        **Parish Council Meeting**

        Held on 3 March 2016.
    """)["title"] == "Parish Council Meeting"


def test_html_h1_is_the_title():
    assert parse_html("<h1>Board of Trustees</h1><p>Tuesday 3 March 2016</p>").meeting.title == "Board of Trustees"


def test_numbered_item_heading_is_not_the_title():
    # the minutes start straight with their first item: no title
    assert meeting("""
        ## 1. Welcome

        The chair opened the meeting.
    """)["title"] is None


def test_heading_with_discussion_under_it_is_not_the_subtitle():
    assert meeting("""
        # Team meeting

        ## Welcome

        Hello all, the chair opened the meeting.
    """)["subtitle"] is None


def test_no_subtitle_when_none_is_given():
    assert meeting("""
        # Finance Committee

        Date: 3 March 2016
    """)["subtitle"] is None


# -- dates ----------------------------------------------------------------------------
def test_ordinal_day_month_year():
    assert meeting("""
        # Group

        20th January 2015
    """)["date"] == "2015-01-20"


def test_ordinal_written_with_sup_tag():
    assert meeting("""
        # Group

        20<sup>th</sup> January 2015
    """)["date"] == "2015-01-20"


def test_weekday_day_month_year():
    assert meeting("""
        # Group

        Tuesday 3 March 2016
    """)["date"] == "2016-03-03"


def test_numeric_date_is_day_first():
    assert meeting("""
        # Group

        Date: 03/04/2016
    """)["date"] == "2016-04-03"


def test_month_day_comma_year():
    assert meeting("""
        # Group

        February 8, 2024
    """)["date"] == "2024-02-08"


def test_date_in_a_minutes_of_sentence():
    assert meeting("""
        Minutes of the meeting held on Tuesday 3 March 2016 at County Hall
    """)["date"] == "2016-03-03"


def test_location_in_a_minutes_of_sentence():
    assert meeting("""
        Minutes of the meeting held on Tuesday 3 March 2016 at County Hall
    """)["location"] == "County Hall"


def test_date_in_the_title_heading():
    assert meeting("""
        # Board meeting – 12 May 2021
    """)["date"] == "2021-05-12"


def test_date_from_front_matter():
    assert meeting("""
        ---
        title: Board meeting
        date: 2019-07-01
        ---

        Text.
    """)["date"] == "2019-07-01"


def test_ordinal_with_of_and_weekday_comma():
    assert meeting("""
        # Group

        Wednesday, 8th of February 2024
    """)["date"] == "2024-02-08"


def test_abbreviated_month():
    assert meeting("""
        # Group

        Date: 8 Feb 2024
    """)["date"] == "2024-02-08"


def test_impossible_date_gives_null():
    assert meeting("""
        # Group

        Date: 31/02/2016
    """)["date"] is None


def test_impossible_date_gives_a_warning_quoting_it():
    minutes = parse_md("""
        # Group

        Date: 31/02/2016
    """)
    assert any("31/02/2016" in w for w in minutes.warnings)


def test_no_date_gives_null_not_a_guess():
    assert meeting("""
        # Group

        Some text without a date.
    """)["date"] is None


# -- times --------------------------------------------------------------------------------
def test_time_range_gives_start_and_end():
    m = meeting("""
        # Group

        Date: 3 March 2016

        Time: 10:00 - 12:30
    """)
    assert (m["start_time"], m["end_time"]) == ("10:00", "12:30")


def test_pm_range_makes_both_afternoon():
    m = meeting("""
        # Group

        Time: 2-4pm
    """)
    assert (m["start_time"], m["end_time"]) == ("14:00", "16:00")


def test_meeting_closed_gives_end_time():
    m = meeting("""
        # Group

        20th January 2015

        ## 1. Welcome

        Introductions were made.

        Meeting closed 11.15am
    """)
    assert m["end_time"] == "11:15"


def test_meeting_closed_pm_is_24_hour():
    m = meeting("""
        # Group

        ## 1. AOB

        None.

        The meeting closed at 4.45pm.
    """)
    assert m["end_time"] == "16:45"


def test_time_on_the_date_line_is_the_start_time():
    m = meeting("""
        # Group

        Tuesday 3 March 2016, 7.30pm
    """)
    assert m["start_time"] == "19:30"


def test_start_label():
    m = meeting("""
        # Group

        Start: 09:30
    """)
    assert m["start_time"] == "09:30"


# -- location ------------------------------------------------------------------------------
def test_venue_label_is_the_location():
    assert meeting("""
        # Group

        Date: 3 March 2016

        Venue: County Hall
    """)["location"] == "County Hall"


def test_location_label_is_the_location():
    assert meeting("""
        # Group

        Location: Room 4, Town Hall
    """)["location"] == "Room 4, Town Hall"


def test_labels_on_one_line_are_read_separately():
    m = meeting("""
        # Group

        Date: 3 March 2016 Time: 10:00 Venue: County Hall
    """)
    assert (m["date"], m["start_time"], m["location"]) == ("2016-03-03", "10:00", "County Hall")


def test_place_written_beside_the_date():
    m = meeting("""
        # Steering Group Meeting #5

        21st November 2017, 3pm  Rutherford Appleton Lab, STFC
    """)
    assert (m["date"], m["start_time"], m["location"]) == ("2017-11-21", "15:00", "Rutherford Appleton Lab, STFC")


def test_date_in_the_title_gives_no_place():
    assert meeting("""
        # Board monthly meeting, February 8, 2024

        The meeting was led by the chair.
    """)["location"] is None


def test_a_title_holding_a_date_is_still_the_title():
    m = meeting("""
        # Node.js Foundation TSC Meeting 2015-06-03

        ## Present

        * Rod Vagg
    """)
    assert (m["title"], m["date"], m["location"]) == ("Node.js Foundation TSC Meeting 2015-06-03", "2015-06-03", None)


def test_the_kind_of_meeting_beside_the_date_is_not_its_place():
    m = meeting("""
        # Westfield Allotment Society

        Committee meeting, 2 May 2022, 7pm, Pavilion
    """)
    assert (m["date"], m["start_time"], m["location"]) == ("2022-05-02", "19:00", "Pavilion")


def test_a_heading_at_the_level_of_the_sections_is_not_the_title():
    from conftest import parse_md
    minutes = parse_md("""
        ---
        title: Allotment society meeting
        ---
        ## Water supply

        The trough leaks.

        ## Rents

        Rents rise in May.
    """)
    assert minutes.meeting.title == "Allotment society meeting"
    assert [i.title for i in minutes.items] == ["Water supply", "Rents"]


def test_a_date_that_can_only_be_month_first():
    from conftest import parse_md
    assert parse_md("# Chapter call minutes (07/19/2018)\n\nPresent: Ann Lee\n").meeting.date == "2018-07-19"


def test_a_us_dated_document_reads_every_numeric_date_month_first():
    from conftest import parse_md
    minutes = parse_md("# Chapter call\n\nHeld 03/04/2018 (the 04/25/2018 call was moved)\n")
    assert minutes.meeting.date == "2018-03-04"  # day first it would be 3 April


def test_a_meeting_over_two_days_is_dated_by_its_first():
    from conftest import parse_md
    assert parse_md("# Annual meeting\n\n10th - 11th March 2016 - Seoul\n").meeting.date == "2016-03-10"


def test_a_date_without_its_year_takes_the_year_of_the_front_matter():
    from conftest import parse_md
    minutes = parse_md("""
        ---
        title: "General meeting, autumn 2023"
        ---
        COMMUNITY COUNCIL

        GENERAL MEETING MONDAY 6 NOVEMBER

        Present: Ann Lee
    """)
    assert minutes.meeting.date == "2023-11-06"


def test_the_date_minutes_were_sent_is_not_the_meeting_date():
    from conftest import parse_md
    doc = parse_md("Sent: 20 March 2024\n\n# Minutes\n\nMeeting held on Tuesday12th March 2024 at 7pm\n\n## 1. Hall\n\nx\n")
    assert doc.meeting.date == "2024-03-12"


def test_only_a_sent_date_is_used_when_there_is_no_other():
    from conftest import parse_md
    assert parse_md("Sent: 20 March 2024\n\n# Minutes\n\n## 1. Hall\n\nx\n").meeting.date == "2024-03-20"
