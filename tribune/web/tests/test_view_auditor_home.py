

def test_the_auditor_lands_on_the_audit_log_not_on_editorial_data(client, world):
    client.force_login(world.auditor.user)
    response = client.get("/")
    assert response.status_code == 302 and response["Location"].endswith("/audit/")
