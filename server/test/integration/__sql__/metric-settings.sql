select "metric_definition_key", "metric_interface" from "metric_setting" where "metric_setting"."agency_id" = $1;
