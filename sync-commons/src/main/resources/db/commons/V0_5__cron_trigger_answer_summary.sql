-- Trigger rows keep only what identifies a run or explains a refusal (TriggerAnswer): answers
-- stored before held up to 4,000 characters of the endpoint's answer, which viewers could read.
update cron_trigger set answer = null where answer is not null;
