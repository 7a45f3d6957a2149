-- A job may archive more than one file (the monthly report, and after a quarter's last month also the
-- quarter's RUG follow-up as workbook and page): a retried job still archives each of them once.
ALTER TABLE report_archive DROP CONSTRAINT report_archive_job_id_key;
ALTER TABLE report_archive ADD CONSTRAINT report_archive_job_file UNIQUE (job_id, file_name);
