"""The UI kit: the bottom package every app may use and that imports no Tribune app (only
Django and libraries). It holds what each view and report needs the same way everywhere:
the strict parser of request values (`params`), the form base that strips control characters
and bounds dates and ids (`forms`), text safety (`text`), the one .xlsx/.docx writer
(`office`), the bounded .docx reader (`docx_reader`), the zip checks behind both readers
(`ooxml`), stored file names (`files`), the view decorator `member_required` (`views`), htmx
answers (`htmx`), dates as the UI writes them (`dates`, and the `tribune` template library
of every template) and a service's refusal shown on a form (`forms.add_service_error`)."""
