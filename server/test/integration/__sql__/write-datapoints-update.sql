select "id" from "report" where "report"."id" in ($1) order by "report"."id" for update;

select k.ord, d.id, d.value, d.upload_method as method
        from unnest($1::int[], $2::int[],
    $3::text[],
    $4::text[],
    $5::text[],
    $6::text[], $7::text[])
    as k(ord, report_id, metric_key, dim, sub_name, context_key, value)
        join datapoint d on d.report_id = k.report_id and d.metric_definition_key = k.metric_key
          and d.dimension_identifier_to_member is not distinct from k.dim::jsonb
          and d.sub_dimension_name is not distinct from k.sub_name
          and d.context_key is not distinct from k.context_key
        where d.report_id = any($8::int[]);

update datapoint d set value = u.value, upload_method = $1, last_updated = $2::timestamptz
        from unnest($3::int[], $4::text[])
          as u(id, value)
        where d.id = u.id;

insert into datapoint_history (datapoint_id, user_account_id, timestamp, old_value, new_value,
          old_upload_method, new_upload_method)
        select h.datapoint_id, $1::int, $2::timestamptz, h.old_value, h.new_value, h.old_method, $3
        from unnest($4::int[], $5::text[],
          $6::text[], $7::text[])
          as h(datapoint_id, old_value, new_value, old_method);
