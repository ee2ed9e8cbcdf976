package com.switchback.migration.freeze;

import java.util.List;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/** Change freezes, the Spring Data way: a plain aggregate. */
interface Freezes extends ListCrudRepository<ChangeFreeze, Long> {

    /** Freezes in force now or still to come, soonest first. */
    @Query("select * from change_freeze where ended_by is null and ends_at > now() order by starts_at, id")
    List<ChangeFreeze> current();

    /** Every freeze, the latest first (the record of past ones stays). */
    @Query("select * from change_freeze order by starts_at desc, id desc limit 200")
    List<ChangeFreeze> recent();
}
