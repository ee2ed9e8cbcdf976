package com.switchback.security;

import java.util.List;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;

/** Accounts and their roles, the Spring Data way: the aggregate is plain (no claims, versions or locks in its SQL). */
interface AppUsers extends ListCrudRepository<AppUser, String> {

    List<AppUser> findAllByOrderByUsername();

    /** Enabled accounts that hold ADMIN, other than {@code username}. */
    @Query("""
            select count(*) from app_user u join app_user_role r on r.username = u.username
            where r.role = 'ADMIN' and u.enabled and u.username <> :username""")
    long countOtherEnabledAdmins(@Param("username") String username);
}
