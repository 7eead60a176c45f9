package org.serverlessloyalty.shared.points.dynamodb;

import static org.serverlessloyalty.shared.platform.dynamodb.Attributes.bool;
import static org.serverlessloyalty.shared.platform.dynamodb.Attributes.date;
import static org.serverlessloyalty.shared.platform.dynamodb.Attributes.instant;
import static org.serverlessloyalty.shared.platform.dynamodb.Attributes.longValue;
import static org.serverlessloyalty.shared.platform.dynamodb.Attributes.putNumber;
import static org.serverlessloyalty.shared.platform.dynamodb.Attributes.putString;
import static org.serverlessloyalty.shared.platform.dynamodb.Attributes.string;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.serverlessloyalty.shared.platform.dynamodb.TableKeys;
import org.serverlessloyalty.shared.points.model.Address;
import org.serverlessloyalty.shared.points.model.Company;
import org.serverlessloyalty.shared.points.model.Gender;
import org.serverlessloyalty.shared.points.model.Label;
import org.serverlessloyalty.shared.points.model.Member;
import org.serverlessloyalty.shared.points.model.MemberClaim;
import org.serverlessloyalty.shared.points.model.MemberProfile;
import org.serverlessloyalty.shared.points.model.MemberStatus;
import org.serverlessloyalty.shared.store.model.StoreCode;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Member ⇄ item, and the claim items. */
final class MemberItemMapper {

    static final String VERSION = "version";
    static final String MEMBER_ID = "memberId";

    private MemberItemMapper() {
    }

    static Map<String, AttributeValue> toItem(Member member) {
        Map<String, AttributeValue> item = new HashMap<>(MemberKeys.member(member.store(), member.memberId()));
        item.put("type", AttributeValue.fromS("MEMBER"));
        item.put(TableKeys.GSI1_PK, AttributeValue.fromS(MemberKeys.membersPartition(member.store())));
        item.put(TableKeys.GSI1_SK, AttributeValue.fromS(MemberKeys.membersSortKey(member.createdAt(), member.memberId())));
        MemberProfile p = member.profile();
        if (p.lastName() != null || p.firstName() != null) {
            item.put(TableKeys.GSI2_PK, AttributeValue.fromS(MemberKeys.namesPartition(member.store())));
            item.put(TableKeys.GSI2_SK, AttributeValue.fromS(
                    MemberKeys.namesSortKey(p.lastName(), p.firstName(), member.memberId())));
        }
        putString(item, "store", member.store().value());
        putString(item, MEMBER_ID, member.memberId());
        putString(item, "status", member.status().value());
        putNumber(item, VERSION, member.version());
        putString(item, "createdAt", member.createdAt().toString());
        putString(item, "updatedAt", member.updatedAt().toString());
        putString(item, "requestHash", member.requestHash());
        putString(item, "firstName", p.firstName());
        putString(item, "lastName", p.lastName());
        putString(item, "gender", p.gender() == null ? null : p.gender().value());
        putString(item, "email", p.email());
        putString(item, "phone", p.phone());
        putString(item, "birthDate", p.birthDate() == null ? null : p.birthDate().toString());
        if (p.address() != null) {
            Map<String, AttributeValue> address = new HashMap<>();
            putString(address, "street", p.address().street());
            putString(address, "address1", p.address().address1());
            putString(address, "address2", p.address().address2());
            putString(address, "postal", p.address().postal());
            putString(address, "city", p.address().city());
            putString(address, "province", p.address().province());
            putString(address, "country", p.address().country());
            item.put("address", AttributeValue.fromM(address));
        }
        if (p.company() != null) {
            Map<String, AttributeValue> company = new HashMap<>();
            putString(company, "name", p.company().name());
            putString(company, "nip", p.company().nip());
            item.put("company", AttributeValue.fromM(company));
        }
        putString(item, "loyaltyCardNumber", p.loyaltyCardNumber());
        putString(item, "externalId", p.externalId());
        if (!p.labels().isEmpty()) {
            item.put("labels", AttributeValue.fromL(p.labels().stream().map(l -> {
                Map<String, AttributeValue> label = new HashMap<>();
                putString(label, "key", l.key());
                putString(label, "value", l.value());
                return AttributeValue.fromM(label);
            }).toList()));
        }
        item.put("agreement1", AttributeValue.fromBool(p.agreement1()));
        item.put("agreement2", AttributeValue.fromBool(p.agreement2()));
        item.put("agreement3", AttributeValue.fromBool(p.agreement3()));
        return item;
    }

    static Member fromItem(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> address = map(item, "address");
        Map<String, AttributeValue> company = map(item, "company");
        List<Label> labels = new ArrayList<>();
        AttributeValue list = item.get("labels");
        if (list != null && list.hasL()) {
            for (AttributeValue label : list.l()) {
                labels.add(new Label(string(label.m(), "key"), string(label.m(), "value")));
            }
        }
        String gender = string(item, "gender");
        MemberProfile profile = new MemberProfile(
                string(item, "firstName"),
                string(item, "lastName"),
                gender == null ? null : Gender.fromValue(gender).orElseThrow(),
                string(item, "email"),
                string(item, "phone"),
                date(item, "birthDate"),
                address == null ? null : new Address(string(address, "street"), string(address, "address1"),
                        string(address, "address2"), string(address, "postal"), string(address, "city"),
                        string(address, "province"), string(address, "country")),
                company == null ? null : new Company(string(company, "name"), string(company, "nip")),
                string(item, "loyaltyCardNumber"),
                string(item, "externalId"),
                labels,
                bool(item, "agreement1"),
                bool(item, "agreement2"),
                bool(item, "agreement3"));
        return new Member(
                new StoreCode(string(item, "store")),
                string(item, MEMBER_ID),
                MemberStatus.fromValue(string(item, "status")).orElseThrow(),
                profile,
                instant(item, "createdAt"),
                instant(item, "updatedAt"),
                longValue(item, VERSION),
                string(item, "requestHash"));
    }

    private static Map<String, AttributeValue> map(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || !value.hasM() ? null : value.m();
    }

    static Map<String, AttributeValue> claimItem(StoreCode store, MemberClaim claim, String memberId) {
        Map<String, AttributeValue> item = new HashMap<>(MemberKeys.claim(store, claim));
        item.put("type", AttributeValue.fromS("MEMBER_CLAIM"));
        item.put(MEMBER_ID, AttributeValue.fromS(memberId));
        return item;
    }
}
