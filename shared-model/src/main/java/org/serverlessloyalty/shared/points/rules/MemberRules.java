package org.serverlessloyalty.shared.points.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.serverlessloyalty.shared.points.model.Member;
import org.serverlessloyalty.shared.points.model.MemberClaim;
import org.serverlessloyalty.shared.points.model.MemberProfile;
import org.serverlessloyalty.shared.points.model.MemberStep;

/** What a member must have, and the writes (with their limits) that register, change or anonymize one. */
public final class MemberRules {

    private MemberRules() {
    }

    /**
     * What is wrong with a member's profile, by field name ({@link MemberProfile#FIELDS}): Open Loyalty requires a
     * first and last name and an e-mail; this engine takes a phone instead of an e-mail too (the shop identifies
     * its customers), and a birth date cannot be after {@code today}.
     */
    public static Map<String, String> problems(MemberProfile profile, LocalDate today) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (profile.firstName() == null || profile.firstName().isBlank()) {
            problems.put(MemberProfile.FIRST_NAME, "is required");
        }
        if (profile.lastName() == null || profile.lastName().isBlank()) {
            problems.put(MemberProfile.LAST_NAME, "is required");
        }
        if (profile.email() == null && profile.phone() == null) {
            problems.put(MemberProfile.EMAIL, "is required when there is no phone");
        }
        if (profile.birthDate() != null && profile.birthDate().isAfter(today)) {
            problems.put(MemberProfile.BIRTH_DATE, "must not be in the future");
        }
        return problems;
    }

    /** A new member and a claim for each of its unique values, all or nothing. */
    public static List<MemberStep> register(Member member) {
        List<MemberStep> plan = new ArrayList<>();
        plan.add(new MemberStep.PutMember(member, null));
        for (MemberClaim claim : MemberIdentifiers.claims(member.profile())) {
            plan.add(new MemberStep.Claim(member.store(), claim, member.memberId()));
        }
        return plan;
    }

    /**
     * {@code before} becomes {@code after} if nobody changed it since it was read; each unique value it no longer has
     * is released, each new one claimed, in the same transaction. A value whose compared form does not change (an
     * e-mail's case) keeps its claim.
     */
    public static List<MemberStep> change(Member before, Member after) {
        Set<MemberClaim> held = MemberIdentifiers.claims(before.profile());
        Set<MemberClaim> wanted = MemberIdentifiers.claims(after.profile());
        List<MemberStep> plan = new ArrayList<>();
        plan.add(new MemberStep.PutMember(after, before.version()));
        for (MemberClaim claim : held) {
            if (!wanted.contains(claim)) {
                plan.add(new MemberStep.Release(before.store(), claim, before.memberId()));
            }
        }
        for (MemberClaim claim : wanted) {
            if (!held.contains(claim)) {
                plan.add(new MemberStep.Claim(before.store(), claim, before.memberId()));
            }
        }
        return plan;
    }
}
