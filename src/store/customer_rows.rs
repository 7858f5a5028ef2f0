//! Customer rows decoded by position, straight from the driver's row. sea-orm's derived
//! decoding looks every column up by name and, for each null, formats the column's name into
//! an error it then discards; on a page of 50 customers of 55 columns that was a quarter of
//! the request's time. The select is the entity's own (every column, in declaration order), so
//! a column's position is its place in `customers::Column`.

use entity::customers;
use sea_orm::sqlx::{self, Row};
use sea_orm::{ConnectionTrait, DbErr, QueryResult, QueryTrait, Select};

use super::DbResult;

/// The decoders of each driver's rows, from one list of the fields and their columns: a
/// `customers::Model` from a row whose columns are the entity's, in order.
macro_rules! decoders {
    ($($field:ident: $column:ident),* $(,)?) => {
        fn from_postgres(row: &sqlx::postgres::PgRow) -> Result<customers::Model, sqlx::Error> {
            Ok(customers::Model {
                $($field: row.try_get(customers::Column::$column as usize)?,)*
            })
        }

        fn from_sqlite(row: &sqlx::sqlite::SqliteRow) -> Result<customers::Model, sqlx::Error> {
            Ok(customers::Model {
                $($field: row.try_get(customers::Column::$column as usize)?,)*
            })
        }
    };
}

decoders!(
    id: Id,
    name: Name,
    company: Company,
    gender: Gender,
    birthday: Birthday,
    birthday_mmdd: BirthdayMmdd,
    email: Email,
    phone: Phone,
    phone_e164: PhoneE164,
    industry: Industry,
    occupation: Occupation,
    position: Position,
    city: City,
    country: Country,
    timezone: Timezone,
    preferred_channel: PreferredChannel,
    contact_window: ContactWindow,
    source_channel: SourceChannel,
    referred_by_id: ReferredById,
    tier: Tier,
    lifecycle_stage: LifecycleStage,
    sales_stage: SalesStage,
    status: Status,
    churn_reason: ChurnReason,
    churned_at: ChurnedAt,
    owner_id: OwnerId,
    needs: Needs,
    pain_points: PainPoints,
    preferences: Preferences,
    personality: Personality,
    notes: Notes,
    attributes: Attributes,
    important_dates: ImportantDates,
    last_contacted_at: LastContactedAt,
    last_inbound_at: LastInboundAt,
    last_outbound_at: LastOutboundAt,
    lifetime_value_minor: LifetimeValueMinor,
    lifetime_value_currency: LifetimeValueCurrency,
    purchase_count: PurchaseCount,
    last_purchase_at: LastPurchaseAt,
    next_touchpoint_due_at: NextTouchpointDueAt,
    open_complaints: OpenComplaints,
    version: Version,
    created_at: CreatedAt,
    updated_at: UpdatedAt,
    deleted_at: DeletedAt,
    consent: Consent,
    do_not_contact: DoNotContact,
    erased_at: ErasedAt,
    erasure_reason: ErasureReason,
    company_key: CompanyKey,
    city_key: CityKey,
    merged_into: MergedInto,
    merged_at: MergedAt,
    duplicates_checked_at: DuplicatesCheckedAt,
);

/// The customer in `row`, a row of [`customers::Entity::find`]'s select.
pub fn model(row: &QueryResult) -> DbResult<customers::Model> {
    let decoded = if let Some(row) = row.try_as_pg_row() {
        from_postgres(row)
    } else if let Some(row) = row.try_as_sqlite_row() {
        from_sqlite(row)
    } else {
        return Err(DbErr::Custom(
            "customer rows come from PostgreSQL or SQLite".into(),
        ));
    };
    decoded.map_err(|e| DbErr::Type(format!("customer row: {e}")))
}

/// Every customer `query` selects.
pub async fn all<C: ConnectionTrait>(
    db: &C,
    query: Select<customers::Entity>,
) -> DbResult<Vec<customers::Model>> {
    let statement = query.build(db.get_database_backend());
    db.query_all_raw(statement)
        .await?
        .iter()
        .map(model)
        .collect()
}

#[cfg(test)]
mod tests {
    use sea_orm::Iterable;

    use super::*;

    #[test]
    fn a_columns_position_is_its_place_in_the_select() {
        for (place, column) in customers::Column::iter().enumerate() {
            assert_eq!(column as usize, place, "{column:?}");
        }
        assert_eq!(customers::Column::iter().count(), 55);
    }
}
