import { IsIn, IsInt, Min } from 'class-validator';

export class CreateOrderDto {
  @IsInt()
  userId: number;

  @IsInt()
  @Min(1)
  totalCents: number;

  @IsIn(['USD', 'EUR', 'GBP'])
  currency: string;
}
