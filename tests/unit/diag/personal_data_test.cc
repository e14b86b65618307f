#include <catch2/catch.hpp>

#include "diag/personal_data.h"

using namespace qahub::diag;

TEST_CASE("personal data: finds e-mail addresses with positions", "[diag]") {
  auto hits = find_personal_data("Ask the team.\nWrite to jo.bloggs@example.org.uk today.");
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].text == "jo.bloggs@example.org.uk");
  CHECK(hits[0].kind == "e-mail address");
  CHECK(hits[0].line == 2);
  CHECK(hits[0].col == 10);
}

TEST_CASE("personal data: finds UK phone numbers in the usual shapes", "[diag]") {
  for (const char* number : {"01632 960123", "01632960123", "07700 900123", "020 7946 0000", "+44 20 7946 0000",
                             "(01632) 960 123", "0300-123-4567"}) {
    auto hits = find_personal_data(std::string("Call ") + number + " now");
    INFO(number);
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].kind == "phone number");
    CHECK(hits[0].col == 6);
  }
}

TEST_CASE("personal data: ignores dates, years, ids and short numbers", "[diag]") {
  CHECK(find_personal_data("2026-11-23, 2025/26, cycle 3, A-0012, 100,000 words, @mention, a@b").empty());
  CHECK(find_personal_data("0.5 of 1234567890123 items").empty());
}

TEST_CASE("personal data: allow list and line offset", "[diag]") {
  Diagnostics d;
  check_personal_data("x\nteam@example.org and other@example.org", "content/a.md", 4,
                      PersonalDataPolicy{{"team@example.org"}}, d);
  CHECK(d.format_all() ==
        "content/a.md:6:22: error: e-mail address \"other@example.org\" (the hub holds roles, not contact details; "
        "allow it in qahub.yaml allow_personal_data if it is a shared service address)\n");
}

namespace {

// The diagnostics for `text` as a file at content/a.md, with nothing allowed.
std::string diagnose(const std::string& text, const std::vector<std::string>& allow = {}) {
  Diagnostics d;
  check_personal_data(text, "content/a.md", 0, PersonalDataPolicy{allow}, d);
  return d.format_all();
}

const std::string kNbsp = "\xC2\xA0";  // U+00A0 in UTF-8
const std::string kContactHint =
    " (the hub holds roles, not contact details; allow it in qahub.yaml allow_personal_data if it is a shared "
    "service address)\n";
const std::string kRecordHint =
    " (the hub holds roles, not case records; allow it in qahub.yaml allow_personal_data if it is a made-up "
    "example)\n";
const std::string kAddressHint =
    " (the hub holds roles, not home addresses; allow it in qahub.yaml allow_personal_data if it is an office "
    "address)\n";

}  // namespace

TEST_CASE("personal data: a valid NHS number is an error, spaced or unspaced", "[diag]") {
  CHECK(diagnose("Child A, NHS number 943 476 5919, was seen.") ==
        "content/a.md:1:21: error: NHS number \"943 476 5919\"" + kRecordHint);
  CHECK(diagnose("Ask\nNHS no. 9434765919.") == "content/a.md:2:9: error: NHS number \"9434765919\"" + kRecordHint);
  CHECK(diagnose("| 401 023 2137 |") == "content/a.md:1:3: error: NHS number \"401 023 2137\"" + kRecordHint);
  CHECK(diagnose("943&nbsp;476" + kNbsp + "5919") ==
        "content/a.md:1:1: error: NHS number \"943&nbsp;476" + kNbsp + "5919\"" + kRecordHint);
  auto hits = find_personal_data("943 476 5919");
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].kind == "NHS number");
  CHECK(hits[0].severity == Severity::kError);
}

TEST_CASE("personal data: an NHS number with a wrong check digit is not reported", "[diag]") {
  CHECK(diagnose("943 476 5918 and 9434765918") == "");
  // 943476596 gives check digit 10: no tenth digit makes it valid.
  CHECK(diagnose("943 476 5960 and 9434765961") == "");
}

TEST_CASE("personal data: ten digits inside a longer number are not an NHS number", "[diag]") {
  CHECK(diagnose("19434765919, 94347659190, 943 476 59190, 1943 476 5919, 9943 476 5919") == "");
  CHECK(diagnose("1 943 476 5919, 943 476 5919 2, 3.9434765919, 9434765919.5, A9434765919, 9434765919x") == "");
  CHECK(diagnose("943 4765919, 9434-76-5919, 943--476-5919") == "");
}

TEST_CASE("personal data: a full postcode is an error", "[diag]") {
  CHECK(diagnose("Family home: ME14 1XQ.") == "content/a.md:1:14: error: postcode \"ME14 1XQ\"" + kAddressHint);
  const std::vector<std::string> postcodes = {"SW1A 1AA", "EC1A 1BB",      "W1A 0AX",
                                              "M1 1AE",   "B33 8TH",       "CR2 6XH",
                                              "DN55 1PT", "ME14&nbsp;1XQ", "ME14" + kNbsp + "1XQ"};
  for (const std::string& postcode : postcodes) {
    INFO(postcode);
    auto hits = find_personal_data("at " + postcode + ", ");
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].kind == "postcode");
    CHECK(hits[0].text == postcode);
    CHECK(hits[0].severity == Severity::kError);
    CHECK(hits[0].col == 4);
  }
}

TEST_CASE("personal data: outward codes and postcode-like words are fine", "[diag]") {
  CHECK(diagnose("The ME14 and ME15 districts; KS2 SATs; Y6 class; A12 road; M25 J2") == "");
  CHECK(diagnose("me14 1xq, ME141XQ, ME14  1XQ, ME14 1XQX, XME14 1XQ, QA1 1AA, ME14 1CQ, ME14 1XV, ME14-1XQ") == "");
}

TEST_CASE("personal data: a date near DOB, date of birth or born is an error", "[diag]") {
  CHECK(diagnose("Child A (DOB: 12/03/2015) lives with her aunt.") ==
        "content/a.md:1:15: error: date of birth \"12/03/2015\"" + kRecordHint);
  CHECK(diagnose("Date of birth 12.03.2015") == "content/a.md:1:15: error: date of birth \"12.03.2015\"" + kRecordHint);
  CHECK(diagnose("She was born on 12 March 2015 in Kent.") ==
        "content/a.md:1:17: error: date of birth \"12 March 2015\"" + kRecordHint);
  CHECK(diagnose("x\n2015-03-12 is his date of birth.") ==
        "content/a.md:2:1: error: date of birth \"2015-03-12\"" + kRecordHint);
  CHECK(diagnose("{\"note\": \"dob 3-9-2014\"}") ==
        "content/a.md:1:15: error: date of birth \"3-9-2014\"" + kRecordHint);
  CHECK(diagnose("| Born | 1st Sept 2014 |") ==
        "content/a.md:1:10: error: date of birth \"1st Sept 2014\"" + kRecordHint);
  CHECK(diagnose("BORN&nbsp;12&nbsp;march&nbsp;2015") ==
        "content/a.md:1:11: error: date of birth \"12&nbsp;march&nbsp;2015\"" + kRecordHint);
}

TEST_CASE("personal data: a date seven or more words from the keyword is fine", "[diag]") {
  // Six words away (five between) is near; seven (six between) is not, either side.
  CHECK(diagnose("born in a town in Kent 12/03/2015") ==
        "content/a.md:1:24: error: date of birth \"12/03/2015\"" + kRecordHint);
  CHECK(diagnose("born in a small town in Kent 12/03/2015") == "");
  CHECK(diagnose("12/03/2015 is when she was first born") ==
        "content/a.md:1:1: error: date of birth \"12/03/2015\"" + kRecordHint);
  CHECK(diagnose("12/03/2015 is the day when she was first born") == "");
  CHECK(diagnose("born - | - - 12/03/2015") ==
        "content/a.md:1:14: error: date of birth \"12/03/2015\"" + kRecordHint);  // punctuation is not a word
}

TEST_CASE("personal data: a date in another sentence or line from the keyword is fine", "[diag]") {
  CHECK(diagnose("Babies born to young parents. The audit on 12/03/2025 found gaps.") == "");
  CHECK(diagnose("The audit closed 12/03/2025. Babies born since then") == "");
  CHECK(diagnose("Are they born? 2025-03-12 was the date!") == "");
  CHECK(diagnose("\"summary\": \"Babies born to young parents\",\n\"date\": \"2025-03-12\"") == "");
  CHECK(diagnose("review_by: 2027-06-30, 12 March 2015, 1/2/2015, the birth date 12/03/2015") == "");
  CHECK(diagnose("born 32/03/2015, 12/13/2015, 12/03/1815, 12/03/15, 2015-3-12, 12 Marching 2015") == "");
}

TEST_CASE("personal data: phone numbers split by dots or non-breaking spaces and in +44 or 0044 form", "[diag]") {
  const std::vector<std::string> numbers = {"01632.960.123",      "01632" + kNbsp + "960123", "01632&nbsp;960&nbsp;123",
                                            "+44 1632 960123",    "0044 1632 960123",         "+44 (0)1632 960123",
                                            "+44(0)20 7946 0000", "0044.20.7946.0000",        "+44-20-7946-0000"};
  for (const std::string& number : numbers) {
    INFO(number);
    CHECK(diagnose("Call " + number + " now") ==
          "content/a.md:1:6: error: phone number \"" + number + "\"" + kContactHint);
  }
}

TEST_CASE("personal data: dots do not join a phone number to other groups", "[diag]") {
  CHECK(diagnose("On 01.03.2015 10 children were seen; version 0.1.2; 0044 alone; +44 (20) 1") == "");
  CHECK(diagnose("01632.960 123") == "");
}

TEST_CASE("personal data: a string matching two rules gets one diagnostic", "[diag]") {
  // 020 794 6000 is a London-shaped number and a valid NHS number.
  CHECK(diagnose("Ring 020 794 6000 or 0207946000") ==
        "content/a.md:1:6: error: NHS number \"020 794 6000\"" + kRecordHint +
            "content/a.md:1:22: error: NHS number \"0207946000\"" + kRecordHint);
  CHECK(diagnose("07700900123@example.org") ==
        "content/a.md:1:1: error: e-mail address \"07700900123@example.org\"" + kContactHint);
}

TEST_CASE("personal data: the allow list covers warnings as well as errors", "[diag]") {
  const std::string text = "Office ME14 1XQ, born 12 March 2015, NHS 943 476 5919, team@example.org";
  CHECK(diagnose(text, {"ME14 1XQ", "12 March 2015", "943 476 5919", "team@example.org"}) == "");
  CHECK(diagnose(text, {"ME14 1XQ", "943 476 5919", "team@example.org"}) ==
        "content/a.md:1:23: error: date of birth \"12 March 2015\"" + kRecordHint);
  CHECK(diagnose(text, {"12 March 2015", "943 476 5919", "team@example.org"}) ==
        "content/a.md:1:8: error: postcode \"ME14 1XQ\"" + kAddressHint);
}

TEST_CASE("personal data: NHS numbers split by hyphens, dots, any whitespace or a line break", "[diag]") {
  CHECK(diagnose("Ref 943-476-5919.") == "content/a.md:1:5: error: NHS number \"943-476-5919\"" + kRecordHint);
  CHECK(diagnose("Ref 943.476.5919 seen") == "content/a.md:1:5: error: NHS number \"943.476.5919\"" + kRecordHint);
  CHECK(diagnose("Ref 943  476\t5919") == "content/a.md:1:5: error: NHS number \"943  476\t5919\"" + kRecordHint);
  // Wrapped across a line: reported where it starts, the break shown as a space.
  CHECK(diagnose("The child's number is 943 476\n5919 on file.") ==
        "content/a.md:1:23: error: NHS number \"943 476 5919\"" + kRecordHint);
}

TEST_CASE("personal data: an invalid check digit next to NHS is a possible NHS number, a warning", "[diag]") {
  CHECK(diagnose("NHS number: 943 476 5918") ==
        "content/a.md:1:13: warning: possible NHS number \"943 476 5918\"" + kRecordHint);
  CHECK(diagnose("nhs no. 943-476-5918") ==
        "content/a.md:1:9: warning: possible NHS number \"943-476-5918\"" + kRecordHint);
  CHECK(diagnose("Ticket 943 476 5918 raised") == "");                                    // no "NHS" before it
  CHECK(diagnose("NHS trusts in the area, one two three four five 943 476 5918") == "");  // too far
}

TEST_CASE("personal data: qahub.yaml personal_data lowers dates of birth and postcodes to warnings", "[diag]") {
  PersonalDataPolicy policy;
  policy.date_of_birth = Severity::kWarning;
  policy.postcode = Severity::kWarning;
  Diagnostics d;
  check_personal_data("DOB 12/03/2015, home ME14 1XQ, NHS 943 476 5919", "content/a.md", 0, policy, d);
  CHECK(d.format_all() == "content/a.md:1:5: warning: date of birth \"12/03/2015\"" + kRecordHint +
                              "content/a.md:1:22: warning: postcode \"ME14 1XQ\"" + kAddressHint +
                              "content/a.md:1:36: error: NHS number \"943 476 5919\"" + kRecordHint);
}
