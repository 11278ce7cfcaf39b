import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AccountsService } from '../auth/accounts.service';
import { CurrentPrincipal } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { ApiDoc, problems } from '../openapi/api-doc';
import { AddMemberRequest, MemberResponse, SetRoleRequest } from './studies.dto';
import { StudyError } from './studies.errors';
import { StudyMembersService } from './study-members.service';

@ApiTags('studies')
@Controller('studies/:studyId/members')
export class StudyMembersController {
  constructor(
    private readonly members: StudyMembersService,
    private readonly accounts: AccountsService,
  ) {}

  @Get()
  @ApiDoc({
    summary: "List the study's team",
    who: 'analyst',
    description:
      'Every member with their role and, for a site-limited researcher, their site; owners first. Administrators are not members and are not listed.',
  })
  @ApiOkResponse({ type: [MemberResponse], description: 'The members' })
  async list(@CurrentPrincipal() principal: Principal, @Param('studyId', ParseUUIDPipe) studyId: string): Promise<MemberResponse[]> {
    return (await this.members.list(principal, studyId)).map(MemberResponse.of);
  }

  @Post()
  @HttpCode(204)
  @ApiDoc({
    summary: 'Add a member or change their role',
    who: 'owner',
    changes: true,
    description:
      'Gives the account with this email the role (owner, researcher or analyst) in this study; an existing member gets the new role. The answer is the same whether or not the email has an account, so the route cannot probe for accounts; the audit log records which happened. ' +
      "A researcher may be limited to one site (`siteId`): they then run and read only that site's sessions and data; left out, the member sees every site. " +
      'Only researchers can be limited (400 `SITE_LIMIT_ROLE`); a site of another study is 400 `UNKNOWN_SITE`. Demoting the last owner is 409 `LAST_OWNER`.',
    problems: [problems(StudyError, 'LAST_OWNER', 'SITE_LIMIT_ROLE', 'UNKNOWN_SITE')],
  })
  @ApiNoContentResponse({ description: 'Done (or no account has this email)' })
  async add(
    @CurrentPrincipal() principal: Principal,
    @Param('studyId', ParseUUIDPipe) studyId: string,
    @Body() body: AddMemberRequest,
  ): Promise<void> {
    await this.members.add(principal, studyId, await this.accounts.findUserId(body.email), { role: body.role, siteId: body.siteId });
  }

  @Put(':userId')
  @HttpCode(204)
  @ApiDoc({
    summary: "Change a member's role",
    who: 'owner',
    changes: true,
    description:
      'Sets the role and the site limit together: `siteId` limits a researcher to that site, left out the member sees every site (only researchers can be limited: 400 `SITE_LIMIT_ROLE`). The last owner cannot be demoted: 409 `LAST_OWNER`. Audited.',
    problems: [problems(StudyError, 'MEMBER_NOT_FOUND', 'LAST_OWNER', 'SITE_LIMIT_ROLE', 'UNKNOWN_SITE')],
  })
  @ApiNoContentResponse({ description: 'Changed' })
  async setRole(
    @CurrentPrincipal() principal: Principal,
    @Param('studyId', ParseUUIDPipe) studyId: string,
    @Param('userId', ParseUUIDPipe) userId: string,
    @Body() body: SetRoleRequest,
  ): Promise<void> {
    await this.members.setRole(principal, studyId, userId, { role: body.role, siteId: body.siteId });
  }

  @Delete(':userId')
  @HttpCode(204)
  @ApiDoc({
    summary: 'Remove a member',
    who: 'owner',
    changes: true,
    description: 'The last owner cannot be removed: 409 `LAST_OWNER`. Audited.',
    problems: [problems(StudyError, 'MEMBER_NOT_FOUND', 'LAST_OWNER')],
  })
  @ApiNoContentResponse({ description: 'Removed' })
  async remove(
    @CurrentPrincipal() principal: Principal,
    @Param('studyId', ParseUUIDPipe) studyId: string,
    @Param('userId', ParseUUIDPipe) userId: string,
  ): Promise<void> {
    await this.members.remove(principal, studyId, userId);
  }
}
