from tribune.deputies.reach import CaseReach, summarise


def test_a_case_counts_provincial_and_national_publications_and_local_reprints():
    case = CaseReach(1, ("provincial", "national", "county"), ("city", "county", "provincial"))
    assert (case.provincial_publications, case.local_reprints) == (2, 2)
    assert case.publications_by_level == {"provincial": 1, "national": 1, "county": 1}


def test_the_summary_counts_cases_the_way_the_committee_reports_them():
    cases = [CaseReach(1, ("provincial",), ("city", "city")), CaseReach(2, ("provincial", "county"), ()),
             CaseReach(3, ("county",), ("county",)), CaseReach(4)]
    summary = summarise(cases)
    assert (summary.cases, summary.published_provincial, summary.reprinted_local, summary.published) == (4, 2, 2, 3)
