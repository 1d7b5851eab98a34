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

insert into datapoint (report_id, source_id, is_report_datapoint, metric_definition_key, start_date, end_date,
          dimension_identifier_to_member, sub_dimension_name, context_key, value, upload_method, created_at, last_updated,
          created_by, created_upload_method)
        select k.report_id, r.source_id, true, k.metric_key, r.date_range_start, r.date_range_end,
          k.dim::jsonb, k.sub_name, k.context_key, k.value, $1, $2::timestamptz, $3::timestamptz,
          $4::int, $5
        from unnest($6::int[], $7::int[],
    $8::text[],
    $9::text[],
    $10::text[],
    $11::text[], $12::text[])
    as k(ord, report_id, metric_key, dim, sub_name, context_key, value)
        join report r on r.id = k.report_id
        order by k.ord
        on conflict on constraint unique_report_datapoint do update
          set value = excluded.value, upload_method = excluded.upload_method, last_updated = excluded.last_updated
        returning id, report_id, metric_definition_key as metric_key, dimension_identifier_to_member as dim,
          sub_dimension_name as sub_name, context_key;
